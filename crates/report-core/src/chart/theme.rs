//! Colours for the charts.

use plotters::style::RGBColor;

/// The palette a chart is drawn with.
///
/// The two years are blue (review) and orange (plan) rather than red/green so the pair
/// stays distinguishable under the common colour-vision deficiencies; the marks also
/// differ in shape, so colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    /// Secondary text (ticks, notes) and connectors, which should recede behind the data.
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub review: RGBColor,
    pub plan: RGBColor,
    /// Drawn at low alpha for the selected/hovered row band, so it must be neutral
    /// enough not to be read as a third data colour.
    pub focus: RGBColor,
}

impl Theme {
    pub const fn light() -> Self {
        Theme {
            background: RGBColor(0xff, 0xff, 0xff),
            text: RGBColor(0x1a, 0x1c, 0x1f),
            muted: RGBColor(0x5f, 0x63, 0x68),
            grid: RGBColor(0xe1, 0xe4, 0xe8),
            review: RGBColor(0x1f, 0x5f, 0xa8),
            plan: RGBColor(0xc2, 0x57, 0x0c),
            focus: RGBColor(0x4b, 0x55, 0x63),
        }
    }

    pub const fn dark() -> Self {
        Theme {
            background: RGBColor(0x16, 0x18, 0x1d),
            text: RGBColor(0xe8, 0xea, 0xed),
            muted: RGBColor(0x9a, 0xa0, 0xa6),
            grid: RGBColor(0x30, 0x35, 0x3d),
            review: RGBColor(0x6e, 0xa8, 0xff),
            plan: RGBColor(0xff, 0xa4, 0x5c),
            focus: RGBColor(0xc9, 0xd1, 0xd9),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}
