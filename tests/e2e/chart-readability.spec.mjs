// Pointer hits on the growth chart land on the row drawn under the pointer, whatever the
// device-pixel ratio: below 1 (a page zoomed out), 1, and dense screens.
import { test, expect, appReady } from './fixtures.mjs';

// The growth chart's vertical layout in CSS px (src/chart/layout.rs, `css`): padding,
// legend and axis above the first row, then rows of equal height, then padding. The row
// height is read off the canvas so the test does not depend on it.
const FIRST_ROW_TOP = 8 + 26 + 22;
const PAD_BOTTOM = 8;

for (const deviceScaleFactor of [0.5, 1, 2, 3]) {
  test.describe(`at devicePixelRatio ${deviceScaleFactor}`, () => {
    test.use({ viewport: { width: 1000, height: 900 }, deviceScaleFactor });

    test('a click on a row of the growth chart selects that row', async ({ page, watch }) => {
      await page.goto('/');
      await appReady(page);
      expect(await page.evaluate(() => window.devicePixelRatio)).toBe(deviceScaleFactor);
      const canvas = page.getByRole('img').first();
      const twin = page.getByRole('table', { name: '图表数据（表格）' });
      const buttons = twin.locator('tbody tr th button');
      const n = await buttons.count();
      expect(n).toBeGreaterThan(8);
      const height = await canvas.evaluate((c) => c.getBoundingClientRect().height);
      const ROW = (height - FIRST_ROW_TOP - PAD_BOTTOM) / n;
      for (const i of [1, 6, n - 1]) {
        const name = (await buttons.nth(i).textContent()).trim();
        await canvas.click({ position: { x: 60, y: FIRST_ROW_TOP + ROW * i + ROW / 2 } });
        await expect(buttons.nth(i), `row ${i} (${name})`).toHaveAttribute('aria-pressed', 'true');
        await expect(page).toHaveURL(/focus=/);
        await expect(page.locator('.detail-card h3')).toContainText(name);
        // Clicking the selected row again clears the selection.
        await canvas.click({ position: { x: 60, y: FIRST_ROW_TOP + ROW * i + ROW / 2 } });
        await expect(buttons.nth(i)).toHaveAttribute('aria-pressed', 'false');
      }
    });
  });
}
