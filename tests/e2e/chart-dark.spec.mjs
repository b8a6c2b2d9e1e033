// The charts in dark mode: the canvas is drawn in the page's dark palette (its pixels, not
// a class name, say so) and the table twin lists the same rows as in light mode.
import { test, expect, appReady } from './fixtures.mjs';

/// The page's palette as its CSS variables say, for the colour scheme in force.
const palette = (page) => page.evaluate(() => {
  const css = getComputedStyle(document.documentElement);
  const rgb = (name) => {
    const hex = css.getPropertyValue(name).trim();
    return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  };
  return { bg: rgb('--bg'), fg: rgb('--fg'), review: rgb('--c-review'), plan: rgb('--c-plan') };
});

/// The canvas's corner pixel and how many of its pixels are (nearly) each given colour.
const pixels = (canvas, colours) => canvas.evaluate((c, colours) => {
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const counts = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
  for (let i = 0; i < data.length; i += 4) {
    for (const [k, [r, g, b]] of Object.entries(colours)) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) <= 12) counts[k]++;
    }
  }
  return { corner: [...data.slice((c.width - 1) * 4, c.width * 4 - 1)], counts };
}, colours);

const twinRows = (page) => page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr').allInnerTexts();

for (const tab of ['compare', 'levels']) {
  test(`the ${tab} chart in dark mode is drawn in the dark palette, and its table twin has the light mode's rows`, async ({ page, watch }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`/?tab=${tab}`);
    await appReady(page);
    const light = await palette(page);
    const lightRows = await twinRows(page);
    expect(lightRows.length).toBeGreaterThan(5);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`/?tab=${tab}`);
    await appReady(page);
    const dark = await palette(page);
    // The two palettes differ where it matters, or the comparison below proves nothing.
    for (const k of ['bg', 'fg', 'review', 'plan']) expect(dark[k], k).not.toEqual(light[k]);
    const canvas = page.getByRole('img').first();
    const colours = {
      fg: dark.fg, plan: dark.plan, review: dark.review,
      lightBg: light.bg, lightReview: light.review, lightPlan: light.plan,
    };
    const seen = await pixels(canvas, colours);
    expect(seen.corner, 'the background is the dark one').toEqual(dark.bg);
    expect(seen.counts.lightBg, 'no light background').toBe(0);
    expect(seen.counts.fg, 'labels in the dark theme\'s text colour').toBeGreaterThan(200);
    expect(seen.counts.plan, 'marks in the dark theme\'s plan colour').toBeGreaterThan(100);
    if (tab === 'compare') expect(seen.counts.review, 'marks in the dark theme\'s review colour').toBeGreaterThan(100);
    expect(seen.counts.lightReview + seen.counts.lightPlan, 'no mark in a light-theme colour').toBe(0);
    expect(await twinRows(page), 'the table twin lists the same rows').toEqual(lightRows);

    // Switched back while open, the canvas follows the page.
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => (await pixels(canvas, {})).corner, 'redrawn in light').toEqual(light.bg);
    const back = await pixels(canvas, { fg: light.fg, darkBg: dark.bg, plan: light.plan });
    expect(back.counts.darkBg, 'no dark background left').toBe(0);
    expect(back.counts.fg).toBeGreaterThan(200);
    expect(back.counts.plan).toBeGreaterThan(100);
  });
}
