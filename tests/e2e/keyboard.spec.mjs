// The keyboard beyond the growth chart (a11y.spec.mjs walks the header, a sector, the tabs
// and the growth chart): the levels chart, the county tile map, the figures table's sort
// headers, the share panel and every download, each reached with Tab and used with the
// keys the page offers, the effect checked by role, name and text.
import fs from 'node:fs';
import { test, expect, appReady } from './fixtures.mjs';
import { VIEWS, countLine } from './views.mjs';

/// Presses Tab until `want(arg)` holds for the focused element (`want` runs in the page
/// and reads `document.activeElement`); the element reached shows a focus ring.
async function tabTo(page, want, what, arg = null, max = 200) {
  const walked = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(want, arg)) {
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        return el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none';
      });
      expect(ring, `a visible focus ring on ${what}`).toBe(true);
      return;
    }
    walked.push(await page.evaluate(() => {
      const el = document.activeElement;
      return `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}`;
    }));
  }
  throw new Error(`Tab never reached ${what}; walked ${walked.join(' → ')}`);
}

const number = (text) => Number(text.replace(/[^\d.]/g, ''));

test('keyboard on the levels chart: arrows, Home and End move through the rows, Enter selects, Escape lets go', async ({ page, watch }) => {
  await page.goto('/?tab=levels');
  await appReady(page);
  await tabTo(page, () => document.activeElement.tagName === 'CANVAS', 'the levels chart');
  // The chart's order, from the typed numbers: the largest increase first.
  const rows = VIEWS.levels.chart.rows.map((r) => ({ word: r.word, change: number(r.to) / number(r.from) - 1 }))
    .sort((a, b) => b.change - a.change);
  const card = page.locator('.detail').getByRole('heading', { level: 3 });
  await page.keyboard.press('ArrowDown');
  await expect(card).toContainText(rows[0].word);
  await page.keyboard.press('ArrowDown');
  await expect(card).toContainText(rows[1].word);
  await page.keyboard.press('End');
  await expect(card).toContainText(rows[rows.length - 1].word);
  await page.keyboard.press('ArrowUp');
  await expect(card).toContainText(rows[rows.length - 2].word);
  await page.keyboard.press('Home');
  await expect(card).toContainText(rows[0].word);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/focus=/);
  const selected = page.getByRole('table', { name: '图表数据（表格）' }).getByRole('button', { pressed: true });
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText(rows[0].word);
  // Escape drops the highlight; the selection stays, and Space lets it go.
  await page.keyboard.press('ArrowDown');
  await expect(card).toContainText(rows[1].word);
  await page.keyboard.press('Escape');
  await expect(card).toContainText(rows[0].word);
  await page.keyboard.press('Space');
  await expect(page).not.toHaveURL(/focus=/);
  await expect(card).toHaveCount(0);
});

test('keyboard on the county tile map: Tab reaches a tile, Enter and Space toggle its county', async ({ page, watch }) => {
  await page.goto('/?tab=figures');
  await appReady(page);
  const name = VIEWS.counties.hongyuan.zh;
  await tabTo(page, (n) => document.activeElement.getAttribute('aria-label') === n, `the ${name} tile`, name);
  const tile = page.getByRole('group', { name: '县（市）地图' }).getByRole('button', { name });
  await expect(tile).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tile).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/county=hongyuan/);
  await expect(page.getByText(countLine(VIEWS.figure_counts.find((c) => c.query === 'county=hongyuan').count))).toBeVisible();
  await page.keyboard.press('Space');
  await expect(tile).toHaveAttribute('aria-pressed', 'false');
  await expect(page).not.toHaveURL(/county=/);
});

test('keyboard on the figures table: Tab reaches a sort header, Enter sorts by it, Space turns it round', async ({ page, watch }) => {
  await page.goto('/?tab=figures&sector=finance&year=review');
  await appReady(page);
  await tabTo(page, () => document.activeElement.matches('th button') && /数值/.test(document.activeElement.textContent), 'the value header');
  const header = page.getByRole('columnheader', { name: /数值/ });
  const before = await header.getAttribute('aria-sort');
  await page.keyboard.press('Enter');
  await expect(header).not.toHaveAttribute('aria-sort', before ?? 'none');
  await expect(page).toHaveURL(/sort=/);
  const first = await header.getAttribute('aria-sort');
  expect(['ascending', 'descending']).toContain(first);
  await page.keyboard.press('Space');
  await expect(header).toHaveAttribute('aria-sort', first === 'ascending' ? 'descending' : 'ascending');
  // The ten 2023 finance numbers typed in views.json: 800 is the largest, 5.2 the smallest.
  const rows = page.getByRole('table', { name: /数字一览/ }).locator('tbody tr');
  await expect(rows).toHaveCount(VIEWS.figure_counts.find((c) => c.query === 'sector=finance&year=review').count);
  const desc = (await header.getAttribute('aria-sort')) === 'descending';
  await expect(rows.first()).toContainText(desc ? '800' : '5.2');
});

test('keyboard on the share panel: copy the link, choose a width, and every download', async ({ page, context, watch }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?sector=livelihood');
  await appReady(page);
  const button = (name) => document.activeElement.tagName === 'BUTTON' && document.activeElement.textContent.trim() === name;
  await tabTo(page, button, 'Copy link', '复制链接');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '链接已复制。' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.getByRole('textbox', { name: '本视图链接' }).inputValue());

  await tabTo(page, () => document.activeElement.id === 'download-width', 'the chart width');
  const width = page.getByRole('combobox', { name: '图表宽度' });
  await page.keyboard.press('ArrowDown');
  await expect(width).toHaveValue('640');

  const download = async (key) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path()) };
  };
  await tabTo(page, button, 'the PNG download', '下载图表 PNG');
  const png = await download('Enter');
  expect(png.name).toBe('aba-report-2024-growth.png');
  expect(png.text.readUInt32BE(16), 'drawn 640 px wide at 2×').toBe(1280);
  await tabTo(page, button, 'the SVG download', '下载图表 SVG');
  const svg = await download('Space');
  expect(svg.name).toBe('aba-report-2024-growth.svg');
  expect(svg.text.toString()).toMatch(/^<svg width="640"/);
  // The livelihood growth chart's two rows, as typed.
  for (const p of VIEWS.growth.pairs.filter((q) => q.sector === 'livelihood')) expect(svg.text.toString()).toContain(p.word);
  await tabTo(page, button, 'the CSV download', '下载符合条件的数字 CSV');
  const csv = await download('Enter');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.toString()).toContain(',livelihood,');
  await tabTo(page, button, 'the JSON download', '下载完整数据 JSON');
  const json = await download('Space');
  expect(json.name).toBe('aba-report-2024.json');
  expect(JSON.parse(json.text.toString()).figures.length).toBeGreaterThan(200);
});

test('a key pressed on a new chart before its first drawing is answered, not lost', async ({ page, watch }) => {
  await page.goto('/?tab=figures');
  await appReady(page);
  await tabTo(page, () => document.activeElement.getAttribute('role') === 'tab', 'the tab list');
  // From here until the end of the test no animation frame callback and no resize report
  // reaches the page: a new chart is first drawn once its box is measured, in the frame
  // that first shows it, so what follows happens before that frame, in the window a quick
  // reader (or a slow phone) can press a key in.
  await page.evaluate(() => {
    window.__held = { frames: [], raf: window.requestAnimationFrame, ro: window.ResizeObserver };
    window.requestAnimationFrame = (f) => window.__held.frames.push(f);
    window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
  });
  await page.keyboard.press('Home'); // the first tab: the growth chart
  const focused = () => page.evaluate(() => document.activeElement.tagName);
  for (let i = 0; i < 40 && await focused() !== 'CANVAS'; i++) await page.keyboard.press('Tab');
  expect(await focused(), 'Tab reached the new chart').toBe('CANVAS');
  expect(await page.evaluate(() => window.__held.frames.length), 'the chart waits for a frame').toBeGreaterThan(0);
  await page.keyboard.press('ArrowDown');
  // The first row in the chart's order, as typed.
  await expect(page.locator('.detail').getByRole('heading', { level: 3 })).toContainText(VIEWS.growth.order.words[0]);
  await page.evaluate(() => {
    window.requestAnimationFrame = window.__held.raf;
    window.ResizeObserver = window.__held.ro;
    window.__held.frames.forEach((f) => f(performance.now()));
  });
});
