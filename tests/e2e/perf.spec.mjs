// Performance budget (docs/performance.md, "The CI budget"): a sector filter change, from
// the real click on the checkbox to the frame presented after the chart changed (the
// screen-to-screen probe of `cargo xtask bench`, bench/probe.js, installed before any page
// script), at 1× CPU and devicePixelRatio 1 on the growth tab.
//
// This is a REGRESSION GUARD, not the goal (DESIGN.md wants the next frame): today the
// app misses the next frame on most changes. Measured on this machine before setting it:
// p95 44–87 ms and median 20–42 ms over fifteen runs of this test with other jobs running.
// The bounds are about 2.5× the typical p95 and 2× the worst median, so the app as it is
// passes reliably. Checked by hand with a busy wait planted in a capturing change
// listener: 100 ms failed both bounds (median 145, p95 221), 50 ms failed the median
// narrowly (84). A later change that makes the redraw fit in a frame will tighten them.
import { test, expect, appReady } from './fixtures.mjs';
import { installProbe, firstChart, timeChanges, summarize } from '../../bench/measure.mjs';
import { VIEWS, growthWords } from './views.mjs';

const CHANGES = 60;
const P95_BUDGET_MS = 150;
const MEDIAN_BUDGET_MS = 80;

test(`sector filter change → next frame presented: p95 ≤ ${P95_BUDGET_MS} ms, median ≤ ${MEDIAN_BUDGET_MS} ms over ${CHANGES} changes (regression guard)`, async ({ page, watch }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await installProbe(page);
  await page.goto('/');
  await appReady(page);
  await firstChart(page);
  const twin = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
  // The changes timed are the filter changes they claim to be: after the first (财政金融
  // on), the chart holds the finance rows typed from the report, and after all of them
  // (each box on, then off) the whole chart again. Checked outside the timed clicks.
  let afterFirst = null;
  const changes = await timeChanges(page, ['财政金融', '综合经济'], CHANGES, async () => {
    await expect(page).toHaveURL(/[?&]sector=finance(&|$)/);
    afterFirst = await twin.allTextContents();
  });
  expect(afterFirst, 'the growth rows after turning 财政金融 on').toHaveLength(growthWords('finance').length);
  growthWords('finance').forEach((word, i) => expect(afterFirst[i]).toContain(word));
  await expect(page).not.toHaveURL(/sector=/);
  await expect(twin).toHaveCount(VIEWS.growth.order.words.length);
  const s = summarize(changes);
  const text = `filter change → next frame presented: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, `
    + `${(100 * s.missed).toFixed(0)}% missed the next frame, over ${s.n} changes`;
  test.info().annotations.push({ type: 'perf', description: text });
  console.log(text);
  expect(s.p95, text).toBeLessThanOrEqual(P95_BUDGET_MS);
  expect(s.median, text).toBeLessThanOrEqual(MEDIAN_BUDGET_MS);
});
