// Where a chart puts things, read from what the page hands a reader: the SVG download (the
// chart's display list written out at one device pixel per CSS pixel, under the title
// and summary) and the canvas's own pixels. Nothing here knows the layout's rules: the
// value → x map comes from the tick labels and their positions, as a reader reads it.
import fs from 'node:fs';

/// Downloads the view's chart as SVG through the share panel ("as on screen" width).
export async function downloadSvg(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /下载图表 SVG|Download chart \(SVG\)/ }).click(),
  ]);
  return fs.readFileSync(await file.path(), 'utf8');
}

/// The SVG's marks, bars, ticks and selected row band, in its own coordinates.
export function readSvg(page, text) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const num = (el, a) => Number(el.getAttribute(a));
    const rects = [...doc.querySelectorAll('rect')];
    const background = rects[0].getAttribute('fill');
    const width = num(doc.documentElement, 'width');
    // The tick labels: the topmost row of plain percentages (value labels sit lower).
    const numeric = [...doc.querySelectorAll('text')]
      .map((t) => ({ x: num(t, 'x'), y: num(t, 'y'), text: t.textContent.trim() }))
      .filter((t) => /^[−-]?\d+(\.\d+)?%$/.test(t.text));
    const axisY = Math.min(...numeric.map((t) => t.y));
    const ticks = numeric.filter((t) => t.y === axisY)
      .map((t) => ({ x: t.x, value: Number(t.text.replace('−', '-').replace('%', '')) }));
    // Marks below the axis (the legend's keys sit above it); a hollow mark's hole is a
    // second shape in the background colour.
    const circles = [...doc.querySelectorAll('circle')]
      .filter((c) => c.getAttribute('fill') !== background && num(c, 'cy') > axisY)
      .map((c) => ({ shape: 'circle', x: num(c, 'cx'), y: num(c, 'cy'), r: num(c, 'r'), fill: c.getAttribute('fill') }));
    const diamonds = [...doc.querySelectorAll('polygon')]
      .map((p) => ({ pts: p.getAttribute('points').trim().split(/\s+/).map((s) => s.split(',').map(Number)), fill: p.getAttribute('fill') }))
      .filter((p) => p.pts.length === 4 && p.fill !== background)
      .map((p) => {
        const xs = p.pts.map((q) => q[0]);
        const ys = p.pts.map((q) => q[1]);
        return { shape: 'diamond', x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2, r: (Math.max(...xs) - Math.min(...xs)) / 2, fill: p.fill };
      })
      .filter((m) => m.y > axisY);
    const boxes = rects.slice(1).map((r) => ({
      x: num(r, 'x'), y: num(r, 'y'), w: num(r, 'width'), h: num(r, 'height'),
      fill: r.getAttribute('fill'), stroke: r.getAttribute('stroke'), opacity: Number(r.getAttribute('opacity') ?? 1),
    }));
    // The selected row's band runs across the whole width.
    const band = boxes.find((r) => r.x === 0 && r.w === width) ?? null;
    // Bars: opaque boxes in the plot, filled (an increase) or outlined (a decrease).
    const bars = boxes.filter((r) => r.x > 0 && r.y > axisY && r.opacity === 1)
      .map((r) => ({ ...r, color: r.fill !== 'none' ? r.fill : r.stroke }));
    return { width, axisY, ticks, marks: [...circles, ...diamonds], band, bars };
  }, text);
}

/// A reader's value → x map from tick labels. A broken axis has two pieces, each linear
/// with its own ticks: consecutive ticks whose spacing per unit jumps belong to different
/// pieces. Returns `x(value)`, or null where no piece with two ticks covers the value to
/// within one of its steps (a piece with one tick gives a reader no scale).
export function axisMap(ticks) {
  const t = [...ticks].sort((a, b) => a.x - b.x);
  const pieces = [[t[0]]];
  for (let i = 1; i < t.length; i++) {
    const piece = pieces[pieces.length - 1];
    const slope = (t[i].x - t[i - 1].x) / (t[i].value - t[i - 1].value);
    if (piece.length >= 2) {
      const s = (piece[piece.length - 1].x - piece[0].x) / (piece[piece.length - 1].value - piece[0].value);
      if (Math.abs(slope - s) / Math.abs(s) > 0.15) { pieces.push([t[i]]); continue; }
    }
    piece.push(t[i]);
  }
  const fits = pieces.filter((p) => p.length >= 2).map((p) => {
    const n = p.length;
    const mv = p.reduce((a, q) => a + q.value, 0) / n;
    const mx = p.reduce((a, q) => a + q.x, 0) / n;
    const slope = p.reduce((a, q) => a + (q.value - mv) * (q.x - mx), 0) / p.reduce((a, q) => a + (q.value - mv) ** 2, 0);
    const lo = p[0].value;
    const hi = p[n - 1].value;
    return { lo, hi, step: (hi - lo) / (n - 1), x: (v) => mx + (v - mv) * slope };
  });
  return {
    pieces: pieces.map((p) => p.map((q) => q.value)),
    x(v) {
      let best = null;
      for (const f of fits) {
        const out = v < f.lo ? (f.lo - v) / f.step : v > f.hi ? (v - f.hi) / f.step : 0;
        if (out <= 1.001 && (best === null || out < best.out)) best = { out, f };
      }
      return best && best.f.x(v);
    },
  };
}

/// The canvas's pixels where the SVG says things are: the selected row's edge (to place
/// the SVG's chart on the canvas), the canvas's own grid lines, then each mark's drawn
/// centre and each bar's drawn ends, measured from the pixels of its colour along its middle row: a filled bar ends
/// where its fill does, an outlined one (a decrease) in the middle of its outline. CSS px.
export function probeCanvas(canvas, svg) {
  return canvas.evaluate((c, { band, marks, bars }) => {
    const ratio = c.width / c.getBoundingClientRect().width;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const px = (x, y) => { const i = (y * c.width + x) * 4; return [data[i], data[i + 1], data[i + 2]]; };
    const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const near = (a, b, tol) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= tol;
    const bg = px(c.width - 1, 0);
    // The selected row's edge bar: the longest run off the background in the first
    // column of pixels.
    let best = [0, 0];
    let start = -1;
    for (let y = 0; y <= c.height; y++) {
      const off = y < c.height && !near(px(1, y), bg, 30);
      if (off && start < 0) start = y;
      if (!off && start >= 0) { if (y - start > best[1] - best[0]) best = [start, y]; start = -1; }
    }
    const top = best[0] / ratio;
    const dy = band ? band.y - top : null;
    // The runs of pixels of `color` along the middle row, [start, end) in CSS px.
    const runs = (x0, x1, y, color) => {
      const row = Math.round(y * ratio);
      const out = [];
      for (let x = Math.max(0, Math.floor(x0 * ratio)); x <= Math.min(c.width - 1, Math.ceil(x1 * ratio)); x++) {
        if (!near(px(x, row), color, 40)) continue;
        const last = out[out.length - 1];
        if (last && last[1] === x) last[1] = x + 1; else out.push([x, x + 1]);
      }
      return out.map(([a, b]) => [a / ratio, b / ratio]);
    };
    const extent = (x0, x1, y, color) => {
      const r = runs(x0, x1, y, color);
      return r.length ? [r[0][0], r[r.length - 1][1]] : null;
    };
    // The canvas's own grid lines: the canvas lays text out with the widths its browser
    // measures and the download with its font's, so their plots may differ by a few px.
    // Read one CSS px above the selected (first) row, where the grid already runs and the
    // tick labels have ended (inside the row the band's tint hides the grid): thin runs
    // off the background (the broken axis's gap is wider).
    const grid = [];
    if (band) {
      const y = Math.round((top - 1) * ratio);
      let from = -1;
      for (let x = Math.ceil(5 * ratio); x <= c.width; x++) {
        const off = x < c.width - 1 && !near(px(x, y), bg, 12);
        if (off && from < 0) from = x;
        if (!off && from >= 0) {
          if (x - from <= 3 * ratio) grid.push((from + x) / 2 / ratio);
          from = -1;
        }
      }
    }
    return {
      ratio,
      dy,
      grid,
      bandTop: top,
      marks: dy === null ? [] : marks.map((m) => {
        const e = extent(m.x - m.r - 1, m.x + m.r + 1, m.y - dy, rgb(m.fill));
        return e && (e[0] + e[1]) / 2;
      }),
      bars: dy === null ? [] : bars.map((b) => runs(b.x - 12, b.x + b.w + 12, b.y + b.h / 2 - dy, rgb(b.color))),
    };
  }, svg);
}

/// The canvas's value → x map: the download's tick values at the canvas's own grid lines,
/// which must be as many.
export function canvasAxis(svg, drawn) {
  const values = [...svg.ticks].sort((a, b) => a.x - b.x).map((t) => t.value);
  if (drawn.grid.length !== values.length) {
    throw new Error(`the canvas shows ${drawn.grid.length} grid lines (${drawn.grid.map((x) => x.toFixed(1)).join(', ')}), the download ${values.length} ticks (${values.join(', ')})`);
  }
  return axisMap(values.map((value, i) => ({ value, x: drawn.grid[i] })));
}

/// The drawn centre of a mark of colour `fill` whose centre the canvas's own axis puts at
/// `x` (CSS px; `y` in the canvas's rows): the middle of its colour's run along its middle
/// row, looked for within its radius and a pixel of that place. Null when nothing of its
/// colour is there.
export function canvasMarkAt(canvas, { x, y, r, fill }) {
  return canvas.evaluate((c, { x, y, r, fill }) => {
    const ratio = c.width / c.getBoundingClientRect().width;
    const x0 = Math.max(0, Math.floor((x - r - 1) * ratio));
    const x1 = Math.min(c.width - 1, Math.ceil((x + r + 1) * ratio));
    const row = Math.round(y * ratio);
    const data = c.getContext('2d').getImageData(x0, row, x1 - x0 + 1, 1).data;
    const want = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));
    const near = (i) => Math.abs(data[i] - want[0]) + Math.abs(data[i + 1] - want[1]) + Math.abs(data[i + 2] - want[2]) <= 40;
    let first = -1;
    let last = -1;
    for (let k = 0; k <= x1 - x0; k++) {
      if (!near(k * 4)) continue;
      if (first < 0) first = k;
      last = k + 1;
    }
    return first < 0 ? null : (x0 + (first + last) / 2) / ratio;
  }, { x, y, r, fill });
}
