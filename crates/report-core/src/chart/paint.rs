//! Drawing helpers shared by both charts. They do not draw: they record primitives in
//! device pixels into a display list, which [`replay`] then draws onto any plotters
//! backend. All chart code is therefore compiled once, not once per backend (canvas and
//! SVG), which keeps the wasm small; and the list can be inspected by native tests.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::data::Qualifier;

use super::layout::css;
use super::Options;

/// One thing to draw, in device pixels.
#[derive(Clone)]
pub(crate) enum Prim {
    Fill(RGBColor),
    Text {
        text: String,
        at: (f64, f64),
        /// CSS px; multiplied by the scale and the backend's text factor at replay.
        size_css: f64,
        pos: Pos,
        bold: bool,
        color: RGBColor,
    },
    Rect((f64, f64), (f64, f64), ShapeStyle),
    Line(Vec<(f64, f64)>, RGBAColor, u32),
    Polygon(Vec<(f64, f64)>, RGBColor),
    Disc((f64, f64), f64, RGBColor),
}

/// Records a chart's primitives (see the module comment); what a [`super::Chart`]
/// paints into.
pub struct Painter<'a> {
    pub(crate) o: &'a Options,
    /// Device pixels per CSS pixel.
    pub(crate) s: f64,
    /// Added to every y, to place a chart inside a larger document.
    pub(crate) dy: f64,
    /// The backend draws every rectangle's outline 1 px wide, whatever its stroke width
    /// (plotters' SVG backend writes no `stroke-width` on a `<rect>`).
    pub(crate) thin_outlines: bool,
    pub(crate) list: RefCell<Vec<Prim>>,
}

/// The dashed ring has ten dashes, each drawn through four points spread over 0.55 of
/// its tenth of the turn. The points come from rotating a unit vector by these (cos, sin)
/// pairs rather than from `f64::sin`/`cos`, whose libm code (argument reduction and its
/// tables, about 4.5 KB) would be the only trigonometry in the wasm.
const DASHES: usize = 10;
/// A tenth of a turn.
const DASH_TURN: (f64, f64) = (0.809_016_994_374_947_5, 0.587_785_252_292_473_1);
/// A third of 0.55 of a tenth of a turn.
const POINT_TURN: (f64, f64) = (0.993_372_765_600_396_4, 0.114_937_150_492_866_61);

fn rotate(p: (f64, f64), by: (f64, f64)) -> (f64, f64) {
    (p.0 * by.0 - p.1 * by.1, p.0 * by.1 + p.1 * by.0)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// A backend's failure as text. The SVG backend writes into a `String` and its errors are
/// dropped (`chart::svg`); formatting its `io::Error` would only bring io's table of error
/// descriptions into the wasm (1 KB), so it reads as one fixed sentence instead.
fn err<E: std::fmt::Display + 'static>(e: E) -> String {
    use std::any::TypeId;
    type SvgError = plotters::drawing::DrawingAreaErrorKind<std::io::Error>;
    if TypeId::of::<E>() == TypeId::of::<SvgError>() {
        return "the SVG document could not be written".into();
    }
    e.to_string()
}

/// Draws a display list onto `area`; `text_factor` corrects the backend's text size (see
/// `SVG_TEXT_FACTOR`). The only code generic over the backend.
pub(crate) fn replay<DB: DrawingBackend<ErrorType: 'static>>(
    area: &DrawingArea<DB, Shift>,
    list: &[Prim],
    o: &Options,
    text_factor: f64,
) -> Result<(), String> {
    let s = o.dpr();
    let pts =
        |v: &[(f64, f64)]| -> Vec<(i32, i32)> { v.iter().map(|&(x, y)| (px(x), px(y))).collect() };
    for prim in list {
        match prim {
            Prim::Fill(c) => area.fill(c).map_err(err)?,
            Prim::Text {
                text,
                at,
                size_css,
                pos,
                bold,
                color,
            } => {
                let style = if *bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let font: FontDesc = (o.font.as_str(), size_css * s * text_factor, style).into();
                let ts = font.color(color).pos(*pos);
                area.draw(&Text::new(text.as_str(), (px(at.0), px(at.1)), ts))
                    .map_err(err)?
            }
            Prim::Rect(a, b, style) => area
                .draw(&Rectangle::new(
                    [(px(a.0), px(a.1)), (px(b.0), px(b.1))],
                    *style,
                ))
                .map_err(err)?,
            Prim::Line(points, color, w) => area
                .draw(&PathElement::new(pts(points), color.stroke_width(*w)))
                .map_err(err)?,
            Prim::Polygon(points, color) => area
                .draw(&Polygon::new(pts(points), color.filled()))
                .map_err(err)?,
            Prim::Disc(c, r, color) => area
                .draw(&Circle::new(
                    (px(c.0), px(c.1)),
                    r.round().max(1.0) as u32,
                    color.filled(),
                ))
                .map_err(err)?,
        }
    }
    Ok(())
}

pub(crate) struct TextSpec {
    pub size_css: f64,
    pub h: HPos,
    pub v: VPos,
    pub bold: bool,
}

impl TextSpec {
    pub(crate) fn new(size_css: f64, h: HPos) -> Self {
        TextSpec {
            size_css,
            h,
            v: VPos::Center,
            bold: false,
        }
    }

    pub(crate) fn bold(mut self, bold: bool) -> Self {
        self.bold = bold;
        self
    }
}

impl<'a> Painter<'a> {
    pub(crate) fn new(o: &'a Options) -> Self {
        Painter {
            o,
            s: o.dpr(),
            dy: 0.0,
            thin_outlines: false,
            list: RefCell::new(Vec::new()),
        }
    }

    pub(crate) fn into_list(self) -> Vec<Prim> {
        self.list.into_inner()
    }

    fn push(&self, prim: Prim) -> Result<(), String> {
        self.list.borrow_mut().push(prim);
        Ok(())
    }

    fn shift(&self, points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        points.iter().map(|&(x, y)| (x, y + self.dy)).collect()
    }

    /// Stroke width that stays at least one device pixel.
    pub(crate) fn stroke(&self, css_px: f64) -> u32 {
        (css_px * self.s).round().max(1.0) as u32
    }

    /// Paints the background; inside a document only the document clears.
    pub(crate) fn clear(&self) -> Result<(), String> {
        if self.dy == 0.0 {
            self.push(Prim::Fill(self.o.theme.background))?;
        }
        Ok(())
    }

    pub(crate) fn text(
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
        self.push(Prim::Text {
            text: text.to_string(),
            at: (x, y + self.dy),
            size_css: spec.size_css,
            pos: Pos::new(spec.h, spec.v),
            bold: spec.bold,
            color,
        })
    }

    pub(crate) fn rect(
        &self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        style: ShapeStyle,
    ) -> Result<(), String> {
        self.push(Prim::Rect((x0, y0 + self.dy), (x1, y1 + self.dy), style))
    }

    pub(crate) fn line(
        &self,
        points: &[(f64, f64)],
        color: RGBAColor,
        width: u32,
    ) -> Result<(), String> {
        self.push(Prim::Line(self.shift(points), color, width))
    }

    pub(crate) fn polygon(&self, points: &[(f64, f64)], color: RGBColor) -> Result<(), String> {
        self.push(Prim::Polygon(self.shift(points), color))
    }

    pub(crate) fn disc(&self, (x, y): (f64, f64), r: f64, color: RGBColor) -> Result<(), String> {
        self.push(Prim::Disc((x, y + self.dy), r, color))
    }

    /// A circle for the review year or a diamond for the plan year: shape as well as colour tells the years
    /// apart. "About" values are hollow, because the number is not exact; the hollow is
    /// painted with the background rather than stroked so the mark is a single filled
    /// element of the year colour on every backend (and countable in the SVG).
    pub(crate) fn mark(
        &self,
        (x, y): (f64, f64),
        is_plan: bool,
        hollow: bool,
        color: RGBColor,
    ) -> Result<(), String> {
        let s = self.s;
        let ring = (1.8 * s).max(1.5);
        if is_plan {
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
    pub(crate) fn dashed_ring(&self, c: (f64, f64), r: f64, color: RGBColor) -> Result<(), String> {
        let w = self.stroke(1.2);
        let mut start = (1.0, 0.0);
        for _ in 0..DASHES {
            let mut u = start;
            let pts: Vec<(f64, f64)> = (0..=3)
                .map(|_| {
                    let p = (c.0 + r * u.0, c.1 + r * u.1);
                    u = rotate(u, POINT_TURN);
                    p
                })
                .collect();
            self.line(&pts, color.to_rgba(), w)?;
            start = rotate(start, DASH_TURN);
        }
        Ok(())
    }

    /// The qualifier glyph to the right of a mark whose outer edge is at `x_edge`:
    /// an open chevron ">" for "at least" (the value may be exceeded) and a cap bar "|"
    /// for "at most" (a ceiling). Strokes only, so they never count as marks.
    pub(crate) fn qualifier(
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

/// The hatch of [`hatch`] as a few paths, for a few strokes instead of one per segment
/// (each segment cost a canvas six calls, two of them parsing a colour and a width: 2,000
/// calls for the levels tab's hatched bars). The segments run alternately down and up,
/// each joined to the next along the rectangle's edge, which the bar's outline, wider than
/// the hatch, covers. A path breaks where a join would come within `guard` of a corner:
/// there the sharp turn's mitre would reach past the outline.
pub(crate) fn hatch_paths(
    a: (f64, f64),
    b: (f64, f64),
    spacing: f64,
    guard: f64,
) -> Vec<Vec<(f64, f64)>> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    let edges = |(x, y): (f64, f64)| [x - x0, x1 - x, y - y0, y1 - y].map(|d| d.abs() < 1e-6);
    let clear_of_corners =
        |(x, y): (f64, f64)| (x - x0).min(x1 - x) >= guard || (y - y0).min(y1 - y) >= guard;
    let joinable = |p: (f64, f64), q: (f64, f64)| {
        let (ep, eq) = (edges(p), edges(q));
        (0..4).any(|i| ep[i] && eq[i]) && clear_of_corners(p) && clear_of_corners(q)
    };
    let mut paths: Vec<Vec<(f64, f64)>> = Vec::new();
    for (k, [start, end]) in hatch(a, b, spacing).into_iter().enumerate() {
        // Even segments run from their start (left or top edge) to their end (bottom or
        // right edge), odd ones back: each begins on the edge the one before ended on.
        let (from, to) = if k % 2 == 0 {
            (start, end)
        } else {
            (end, start)
        };
        match paths.last_mut() {
            Some(path) if path.last().is_some_and(|&p| joinable(p, from)) => {
                path.extend([from, to])
            }
            _ => paths.push(vec![from, to]),
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::{rotate, DASHES, DASH_TURN, POINT_TURN};

    /// The rotations draw the ring's points where sin and cos put them.
    #[test]
    fn dashed_ring_points_are_on_the_circle_where_the_angles_say() {
        let step = std::f64::consts::TAU / DASHES as f64;
        let mut start = (1.0, 0.0);
        for i in 0..DASHES {
            let mut u = start;
            for k in 0..=3 {
                let a = i as f64 * step + step * 0.55 * k as f64 / 3.0;
                assert!((u.0 - a.cos()).abs() < 1e-12, "dash {i} point {k}");
                assert!((u.1 - a.sin()).abs() < 1e-12, "dash {i} point {k}");
                u = rotate(u, POINT_TURN);
            }
            start = rotate(start, DASH_TURN);
        }
    }

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

    /// The paths draw every hatch segment once, and every other step of a path runs along
    /// one edge of the rectangle, where the outline covers it, away from its corners.
    #[test]
    fn hatch_paths_draw_each_segment_and_join_them_along_an_edge() {
        // Bars wide and narrow, tall and flat, given either corner first: between them
        // every way the two chains of ends can turn a corner.
        let mut cases = vec![
            (((60.0, 12.0), (10.0, 0.0)), 4.0),
            (((3.5, 1.25), (4.0, 2.0)), 8.0),
        ];
        for w in [1.0, 7.5, 13.0, 40.25, 97.0] {
            for h in [2.0, 9.0, 12.0, 31.5] {
                for spacing in [2.0, 3.0, 4.0] {
                    cases.push((((10.0, 5.0), (10.0 + w, 5.0 + h)), spacing));
                }
            }
        }
        let guard = 1.5;
        let mut joins = 0;
        for ((a, b), spacing) in cases {
            let segs = hatch(a, b, spacing);
            let paths = hatch_paths(a, b, spacing, guard);
            let (x0, x1, y0, y1) = (a.0.min(b.0), a.0.max(b.0), a.1.min(b.1), a.1.max(b.1));
            let edge_of = |(x, y): (f64, f64)| {
                [
                    (x - x0).abs(),
                    (x - x1).abs(),
                    (y - y0).abs(),
                    (y - y1).abs(),
                ]
                .map(|d| d < 1e-6)
            };
            let corner_gap = |(x, y): (f64, f64)| {
                [(x0, y0), (x0, y1), (x1, y0), (x1, y1)]
                    .map(|(cx, cy)| (x - cx).abs().max((y - cy).abs()))
                    .into_iter()
                    .fold(f64::INFINITY, f64::min)
            };
            let is_seg = |p: (f64, f64), q: (f64, f64)| {
                segs.iter()
                    .any(|s| (s[0] == p && s[1] == q) || (s[0] == q && s[1] == p))
            };
            let mut diagonals = 0;
            for path in &paths {
                // A path is segment, join, segment, …: it starts and ends on a segment.
                assert_eq!(path.len() % 2, 0, "{path:?}");
                for (i, w) in path.windows(2).enumerate() {
                    let (p, q) = (w[0], w[1]);
                    if i % 2 == 0 {
                        assert!(is_seg(p, q), "step {i} of {path:?} is a segment");
                        diagonals += 1;
                        continue;
                    }
                    joins += 1;
                    let (ep, eq) = (edge_of(p), edge_of(q));
                    assert!(
                        (0..4).any(|e| ep[e] && eq[e]),
                        "join {p:?}–{q:?} runs along one edge"
                    );
                    for v in [p, q] {
                        assert!(
                            corner_gap(v) >= guard,
                            "join {p:?}–{q:?} keeps clear of the corners"
                        );
                    }
                }
            }
            assert_eq!(diagonals, segs.len(), "every segment once");
        }
        assert!(joins > 500, "the cases join segments ({joins} joins)");
        assert!(hatch_paths((0.0, 0.0), (5.0, 5.0), 0.0, guard).is_empty());
    }
}
