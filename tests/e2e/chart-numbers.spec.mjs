// Each drawn row of both charts sits where its number is on the axis. The numbers are the
// ones typed from the report (tests/fixtures/views.json); where a mark is, is read from
// the chart's SVG download (the same display list as the canvas), checked against the
// canvas's own pixels, and which row it belongs to is what the chart's hit map says
// when the pointer rests on it (the detail card's heading). The axis is read from its
// tick labels, as a reader would: within 1 px, at 360 and 1280 px wide, DPR 1 and 2.
import { test, expect, appReady } from './fixtures.mjs';
import { VIEWS } from './views.mjs';
import { downloadSvg, readSvg, axisMap, canvasAxis, canvasMarkAt, probeCanvas } from './chart-geometry.mjs';

const number = (text) => Number(text.replace(/[^\d.]/g, ''));
const GROWTH = [
  ...VIEWS.growth.pairs.map((p) => ({ word: p.word, sector: p.sector, from: number(p.from), to: number(p.to) })),
  ...VIEWS.growth.alone.map((a) => ({ word: a.word, sector: a.sector, from: null, to: number(a.to) })),
];
const LEVELS = VIEWS.levels.chart.rows.map((r) => ({ word: r.word, change: (number(r.to) / number(r.from) - 1) * 100 }));
const TOLERANCE = 1;

/// The typed row a detail-card heading names: exactly one typed word is in it.
function rowOf(typed, heading) {
  const hits = typed.filter((r) => heading.includes(r.word));
  expect(hits.map((r) => r.word), `the typed row of "${heading}"`).toHaveLength(1);
  return hits[0];
}

/// Selects the first row from the keyboard (the download then carries its band, which
/// places the SVG's chart on the canvas), downloads the SVG and measures the canvas.
async function measure(page) {
  const canvas = page.getByRole('img').first();
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/focus=/);
  const svg = await readSvg(page, await downloadSvg(page));
  expect(svg.band, 'the selected row is banded in the download').not.toBeNull();
  const drawn = await probeCanvas(canvas, svg);
  expect(drawn.dy, 'the selected row is banded on the canvas').not.toBeNull();
  // Unselect, so that the detail card shows only what the pointer rests on.
  await canvas.focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/focus=/);
  return { canvas, svg, drawn };
}

/// The heading the hit map gives for a point of the canvas (CSS px from its corner).
async function rowAt(page, canvas, x, y) {
  const heading = page.locator('.detail').getByRole('heading', { level: 3 });
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + x, box.y + y);
  await expect(heading).toHaveCount(1);
  const text = await heading.textContent();
  await page.mouse.move(box.x + x, box.y - 8);
  await expect(heading).toHaveCount(0);
  return text;
}

/// Checks every mark of a growth view; returns the typed rows whose marks the view's
/// axis cannot place (a piece of a broken axis with a single tick).
async function checkGrowth(page, typed, where) {
  const { canvas, svg, drawn } = await measure(page);
  const axis = axisMap(svg.ticks);
  const onCanvas = canvasAxis(svg, drawn);
  const seen = new Map();
  const unread = new Set();
  for (const m of svg.marks) {
    const row = rowOf(typed, await rowAt(page, canvas, m.x, m.y - drawn.dy));
    const side = m.shape === 'circle' ? 'from' : 'to';
    const key = `${row.word} ${side}`;
    expect(seen.has(key), `one ${side} mark for ${row.word} (${where})`).toBe(false);
    seen.set(key, true);
    const want = row[side];
    expect(want, `${row.word} has a ${side} value to draw (${where})`).not.toBeNull();
    const x = axis.x(want);
    if (x === null) { unread.add(row); continue; }
    expect(Math.abs(m.x - x), `${key} = ${want}%: SVG mark at ${m.x}, axis says ${x.toFixed(1)} (${where})`).toBeLessThanOrEqual(TOLERANCE);
    // The canvas's plot may sit a few px off the download's (each measures its own text):
    // its mark is looked for where its own axis puts the typed value.
    const cx = onCanvas.x(want);
    const at = await canvasMarkAt(canvas, { ...m, x: cx, y: m.y - drawn.dy });
    expect(at, `${key}: the canvas draws the mark where its axis puts ${want}% (${where})`).not.toBeNull();
    expect(Math.abs(at - cx), `${key} = ${want}%: canvas mark at ${at?.toFixed(2)}, the canvas's axis says ${cx.toFixed(1)} (${where})`).toBeLessThanOrEqual(TOLERANCE);
  }
  // Every typed row drew each of its marks, and nothing else was drawn.
  const wanted = typed.flatMap((r) => [r.from !== null && `${r.word} from`, `${r.word} to`].filter(Boolean));
  expect([...seen.keys()].sort(), `the marks drawn (${where})`).toEqual(wanted.sort());
  return [...unread];
}

async function open(page, query) {
  await page.goto(query);
  await appReady(page);
}

for (const width of [360, 1280]) {
  for (const dpr of [1, 2]) {
    test(`each drawn row of both charts sits at its typed number on the axis, within 1 px: ${width} px, DPR ${dpr}`, async ({ browser, watch }) => {
      test.setTimeout(90_000);
      // Tall enough that every row of the longest chart is on screen for the pointer.
      const context = watch.addContext(await browser.newContext({
        viewport: { width, height: 2400 }, deviceScaleFactor: dpr, baseURL: process.env.BASE_URL, locale: 'zh-CN',
      }));
      const page = await context.newPage();

      // The growth chart, whole; rows on a piece of a broken axis with one tick give the
      // reader no scale there, so they are checked again in their sectors' own chart.
      await open(page, '/?tab=compare');
      const unread = await checkGrowth(page, GROWTH, 'all');
      if (unread.length) {
        const sectors = [...new Set(unread.map((r) => r.sector))];
        await open(page, `/?tab=compare&sector=${sectors.join(',')}`);
        const again = await checkGrowth(page, GROWTH.filter((r) => sectors.includes(r.sector)), sectors.join(','));
        expect(again.map((r) => r.word), 'readable off the axis of their sectors\' chart').toEqual([]);
      }

      // The levels chart: each bar ends at the typed change; equal numbers draw no bar.
      await open(page, '/?tab=levels');
      const { canvas, svg, drawn } = await measure(page);
      const axis = axisMap(svg.ticks);
      const onCanvas = canvasAxis(svg, drawn);
      const zero = axis.x(0);
      const found = [];
      for (const [i, bar] of svg.bars.entries()) {
        const row = rowOf(LEVELS, await rowAt(page, canvas, bar.x + bar.w / 2, bar.y + bar.h / 2 - drawn.dy));
        found.push(row.word);
        const x = axis.x(row.change);
        expect(x, `${row.word}: ${row.change.toFixed(1)}% is on the axis`).not.toBeNull();
        const end = row.change < 0 ? bar.x : bar.x + bar.w;
        expect(Math.abs(end - x), `${row.word} ${row.change.toFixed(1)}%: SVG bar ends at ${end}, axis says ${x.toFixed(1)}`).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs((row.change < 0 ? bar.x + bar.w : bar.x) - zero), `${row.word}: the bar starts at 0%`).toBeLessThanOrEqual(TOLERANCE);
        const runs = drawn.bars[i];
        expect(runs.length, `${row.word}: the canvas draws the bar`).toBeGreaterThan(0);
        // A filled bar ends where its fill does; an outlined one in its outline's middle.
        const drawnEnd = bar.fill !== 'none'
          ? (row.change < 0 ? runs[0][0] : runs[runs.length - 1][1])
          : (row.change < 0 ? (runs[0][0] + runs[0][1]) / 2 : (runs[runs.length - 1][0] + runs[runs.length - 1][1]) / 2);
        const cx = onCanvas.x(row.change);
        expect(Math.abs(drawnEnd - cx), `${row.word} ${row.change.toFixed(1)}%: canvas bar ends at ${drawnEnd.toFixed(2)}, the canvas's axis says ${cx.toFixed(1)}`).toBeLessThanOrEqual(TOLERANCE);
      }
      expect(found.sort(), 'a bar for each row whose two numbers differ, and only those').toEqual(LEVELS.filter((r) => r.change !== 0).map((r) => r.word).sort());
      await context.close();
    });
  }
}
