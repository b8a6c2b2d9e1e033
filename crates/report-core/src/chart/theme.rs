//! The one table of colours: the charts draw with it, and `cargo xtask dist` writes the
//! page's CSS custom properties from it (`css_variables`), so the canvas, the downloads,
//! the preview images and the page cannot drift apart.

use plotters::style::RGBColor;

/// The palette a chart and the page around it are drawn with.
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
    /// The page's rules and borders.
    pub line: RGBColor,
    /// The page's panels (share box, notices).
    pub panel: RGBColor,
    /// The page's keyboard focus ring: a hue no data mark uses.
    pub ring: RGBColor,
}

impl Theme {
    pub const fn light() -> Self {
        Theme {
            background: RGBColor(0xff, 0xff, 0xff),
            text: RGBColor(0x1b, 0x1f, 0x24),
            muted: RGBColor(0x5a, 0x62, 0x70),
            grid: RGBColor(0xe1, 0xe4, 0xe8),
            review: RGBColor(0x1f, 0x5f, 0xa8),
            plan: RGBColor(0xc2, 0x57, 0x0c),
            focus: RGBColor(0x4b, 0x55, 0x63),
            line: RGBColor(0xd5, 0xda, 0xe1),
            panel: RGBColor(0xf4, 0xf6, 0xf9),
            ring: RGBColor(0x7a, 0x3e, 0xe0),
        }
    }

    pub const fn dark() -> Self {
        Theme {
            background: RGBColor(0x15, 0x18, 0x1d),
            text: RGBColor(0xe7, 0xea, 0xee),
            muted: RGBColor(0xa4, 0xad, 0xba),
            grid: RGBColor(0x30, 0x35, 0x3d),
            review: RGBColor(0x6e, 0xa8, 0xff),
            plan: RGBColor(0xff, 0xa4, 0x5c),
            focus: RGBColor(0xc9, 0xd1, 0xd9),
            line: RGBColor(0x3a, 0x41, 0x4c),
            panel: RGBColor(0x1f, 0x24, 0x2b),
            ring: RGBColor(0xc4, 0xa3, 0xff),
        }
    }

    /// The CSS custom properties of this palette, as `--name: #rrggbb;` declarations.
    fn declarations(&self) -> String {
        PALETTE
            .iter()
            .map(|(name, pick)| {
                let c = pick(self);
                format!("--{name}: #{:02x}{:02x}{:02x};", c.0, c.1, c.2)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Each colour of a theme with the name of the page's CSS custom property for it.
pub type Swatch = (&'static str, fn(&Theme) -> RGBColor);

/// The palette's CSS names: the page's variables, and the classes of a chart written into
/// the HTML (`chart::inline`), come from this one list.
pub const PALETTE: [Swatch; 10] = [
    ("bg", |t| t.background),
    ("fg", |t| t.text),
    ("muted", |t| t.muted),
    ("grid", |t| t.grid),
    ("line", |t| t.line),
    ("panel", |t| t.panel),
    ("c-review", |t| t.review),
    ("c-plan", |t| t.plan),
    ("band", |t| t.focus),
    ("focus", |t| t.ring),
];

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}

/// The page's colour variables, light and dark, written by `cargo xtask dist` at the top
/// of `style.css`; `assets/style.css` only uses them.
pub fn css_variables() -> String {
    format!(
        ":root {{ {} }}\n@media (prefers-color-scheme: dark) {{\n  :root {{ {} }}\n}}\n",
        Theme::light().declarations(),
        Theme::dark().declarations()
    )
}

/// The rules a chart in the HTML paints with (`chart::inline`): classes, not colours;
/// `f-bg` fills with `--bg`, `s-grid` strokes with `--grid`, and so on, in either theme.
/// Only the static pages carry such a chart, so these go into their own style sheet.
pub fn svg_palette_classes() -> String {
    PALETTE
        .iter()
        .map(|(name, _)| format!(".chart-svg .f-{name} {{ fill: var(--{name}); }} .chart-svg .s-{name} {{ stroke: var(--{name}); }}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_css_variables_carry_both_palettes_and_the_dark_one_only_in_dark_mode() {
        let css = css_variables();
        let (light, dark) = css
            .split_once("@media (prefers-color-scheme: dark)")
            .unwrap();
        assert!(light.contains("--c-review: #1f5fa8;") && light.contains("--bg: #ffffff;"));
        assert!(dark.contains("--c-review: #6ea8ff;") && dark.contains("--bg: #15181d;"));
        assert!(!light.contains("#6ea8ff") && !dark.contains("#1f5fa8"));
        for name in [
            "bg", "fg", "muted", "line", "panel", "c-review", "c-plan", "focus",
        ] {
            assert_eq!(css.matches(&format!("--{name}:")).count(), 2, "--{name}");
        }
        // A chart in the HTML paints with the same variables, in either theme.
        let css = svg_palette_classes();
        for (name, _) in PALETTE {
            assert!(
                css.contains(&format!(".chart-svg .f-{name} {{ fill: var(--{name}); }}")),
                "{name}"
            );
            assert!(
                css.contains(&format!(
                    ".chart-svg .s-{name} {{ stroke: var(--{name}); }}"
                )),
                "{name}"
            );
        }
    }
}
