//! Thin drawing helpers over a plotters area in device pixels, shared by both charts.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::data::Qualifier;

use super::layout::css;
use super::Options;

pub(crate) struct Painter<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub o: &'a Options,
    /// Device pixels per CSS pixel.
    pub s: f64,
    /// Backend-specific text size correction (see `SVG_TEXT_FACTOR`).
    pub text_factor: f64,
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

pub(crate) struct TextSpec {
    pub size_css: f64,
    pub h: HPos,
    pub v: VPos,
    pub bold: bool,
}

impl TextSpec {
    pub fn new(size_css: f64, h: HPos) -> Self {
        TextSpec {
            size_css,
            h,
            v: VPos::Center,
            bold: false,
        }
    }

    pub fn bold(mut self, bold: bool) -> Self {
        self.bold = bold;
        self
    }
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    /// Stroke width that stays at least one device pixel.
    pub fn stroke(&self, css_px: f64) -> u32 {
        (css_px * self.s).round().max(1.0) as u32
    }

    pub fn clear(&self) -> Result<(), String> {
        self.area.fill(&self.o.theme.background).map_err(err)
    }

    pub fn text(
        &self,
        text: &str,
        x: f64,
        y: f64,
        spec: TextSpec,
        color: RGBColor,
    ) -> Result<(), String> {
        if text.is_empty() {
            return Ok(());
        }
        let size = spec.size_css * self.s * self.text_factor;
        let style = if spec.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font: FontDesc = (self.o.font.as_str(), size, style).into();
        let ts = font.color(&color).pos(Pos::new(spec.h, spec.v));
        self.area
            .draw(&Text::new(text, (px(x), px(y)), ts))
            .map_err(err)
    }

    pub fn rect(
        &self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        style: ShapeStyle,
    ) -> Result<(), String> {
        self.area
            .draw(&Rectangle::new([(px(x0), px(y0)), (px(x1), px(y1))], style))
            .map_err(err)
    }

    pub fn line(&self, points: &[(f64, f64)], color: RGBAColor, width: u32) -> Result<(), String> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area
            .draw(&PathElement::new(pts, color.stroke_width(width)))
            .map_err(err)
    }

    pub fn polygon(&self, points: &[(f64, f64)], color: RGBColor) -> Result<(), String> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area
            .draw(&Polygon::new(pts, color.filled()))
            .map_err(err)
    }

    pub fn disc(&self, (x, y): (f64, f64), r: f64, color: RGBColor) -> Result<(), String> {
        let r = r.round().max(1.0) as u32;
        self.area
            .draw(&Circle::new((px(x), px(y)), r, color.filled()))
            .map_err(err)
    }

    /// A circle for 2023 or a diamond for 2024: shape as well as colour tells the years
    /// apart. "About" values are hollow, because the number is not exact; the hollow is
    /// painted with the background rather than stroked so the mark is a single filled
    /// element of the year colour on every backend (and countable in the SVG).
    pub fn mark(
        &self,
        (x, y): (f64, f64),
        is_2024: bool,
        hollow: bool,
        color: RGBColor,
    ) -> Result<(), String> {
        let s = self.s;
        let ring = (1.8 * s).max(1.5);
        if is_2024 {
            let r = css::DIAMOND_R * s;
            self.polygon(&diamond((x, y), r), color)?;
            if hollow {
                self.polygon(&diamond((x, y), r - ring * 1.45), self.o.theme.background)?;
            }
        } else {
            let r = css::DOT_R * s;
            self.disc((x, y), r, color)?;
            if hollow {
                self.disc((x, y), r - ring, self.o.theme.background)?;
            }
        }
        Ok(())
    }

    /// Dashed ring for 预计 (an estimate): dashes rather than a solid ring so it reads
    /// as "provisional" and cannot be confused with the hollow "about" mark.
    pub fn dashed_ring(&self, c: (f64, f64), r: f64, color: RGBColor) -> Result<(), String> {
        const DASHES: usize = 10;
        let w = self.stroke(1.2);
        let step = std::f64::consts::TAU / DASHES as f64;
        for i in 0..DASHES {
            let a0 = i as f64 * step;
            let pts: Vec<(f64, f64)> = (0..=3)
                .map(|k| {
                    let a = a0 + step * 0.55 * k as f64 / 3.0;
                    (c.0 + r * a.cos(), c.1 + r * a.sin())
                })
                .collect();
            self.line(&pts, color.to_rgba(), w)?;
        }
        Ok(())
    }

    /// The qualifier glyph to the right of a mark whose outer edge is at `x_edge`:
    /// an open chevron ">" for "at least" (the value may be exceeded) and a cap bar "|"
    /// for "at most" (a ceiling). Strokes only, so they never count as marks.
    pub fn qualifier(
        &self,
        q: Qualifier,
        x_edge: f64,
        y: f64,
        color: RGBColor,
    ) -> Result<(), String> {
        let s = self.s;
        let x = x_edge + 2.0 * s;
        let w = self.stroke(1.8);
        match q {
            Qualifier::AtLeast => self.line(
                &[(x, y - 4.5 * s), (x + 5.0 * s, y), (x, y + 4.5 * s)],
                color.to_rgba(),
                w,
            ),
            Qualifier::AtMost => self.line(
                &[(x + 2.5 * s, y - 7.0 * s), (x + 2.5 * s, y + 7.0 * s)],
                color.to_rgba(),
                w,
            ),
            Qualifier::Exact | Qualifier::About => Ok(()),
        }
    }
}

pub(crate) fn diamond((x, y): (f64, f64), r: f64) -> [(f64, f64); 4] {
    [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
}

/// Diagonal hatch segments clipped to a rectangle, used for decreases so they differ
/// from increases by texture as well as by side and colour.
pub(crate) fn hatch(
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
    spacing: f64,
) -> Vec<[(f64, f64); 2]> {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (y0, y1) = (y0.min(y1), y0.max(y1));
    let mut out = Vec::new();
    if spacing <= 0.0 {
        return out;
    }
    // Lines y = x - c for c from the top-right to the bottom-left corner.
    let mut c = x0 - y1;
    while c <= x1 - y0 {
        let xs = x0.max(y0 + c);
        let xe = x1.min(y1 + c);
        if xe > xs {
            out.push([(xs, xs - c), (xe, xe - c)]);
        }
        c += spacing;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatch_stays_inside_the_rectangle() {
        let segs = hatch((10.0, 0.0), (60.0, 12.0), 4.0);
        assert!(!segs.is_empty());
        for [a, b] in segs {
            for (x, y) in [a, b] {
                assert!((10.0 - 1e-9..=60.0 + 1e-9).contains(&x));
                assert!((-1e-9..=12.0 + 1e-9).contains(&y));
            }
        }
        assert!(hatch((0.0, 0.0), (5.0, 5.0), 0.0).is_empty());
    }
}
