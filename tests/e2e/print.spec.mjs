// Print: what a reader gets on paper from the print stylesheet — the chart, its table and
// the source line; no filters, no tabs, no share panel; nothing past the right edge of an
// A4 page (210 mm at 96 px/in ≈ 794 px, less Chromium's default 0.4 in margins ≈ 718 px).
import { test, expect, appReady } from './fixtures.mjs';

const A4_PRINTABLE_PX = 718;

for (const [query, lang] of [['/', 'zh'], ['/?lang=en&tab=levels', 'en']]) {
  test(`printing ${query} gives the chart, its table and the source, and fits A4 (${lang})`, async ({ page, watch }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(query);
    await appReady(page);
    const zh = lang === 'zh';
    // Everything the screen shows first, so print mode is not merely an empty page.
    await expect(page.getByRole('complementary', { name: zh ? '筛选' : 'Filters' })).toBeVisible();
    await expect(page.getByRole('heading', { name: zh ? '分享与下载' : 'Share and download' })).toBeVisible();

    await page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1000 });
    await page.emulateMedia({ media: 'print' });

    await expect(page.getByRole('img').first()).toBeVisible();
    await expect(page.getByRole('table', { name: zh ? '图表数据（表格）' : 'Chart data as a table' })).toBeVisible();
    await expect(page.getByText(zh ? /来源：阿坝藏族羌族自治州2024年政府工作报告/ : /Source:.*2024/).first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: zh ? '筛选' : 'Filters' })).toBeHidden();
    await expect(page.getByRole('heading', { name: zh ? '分享与下载' : 'Share and download' })).toBeHidden();
    await expect(page.getByRole('tablist')).toBeHidden();

    // Nothing visible reaches past the printable width.
    const overflow = await page.evaluate((limit) => {
      const out = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
        if (r.right > limit + 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${r.right.toFixed(1)}`);
      }
      return { scroll: document.documentElement.scrollWidth, out: out.slice(0, 5) };
    }, A4_PRINTABLE_PX);
    expect(overflow.out, 'elements past the right edge of the page').toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(A4_PRINTABLE_PX);

    // And the real thing: Chromium lays the page out for A4 paper and produces a PDF.
    // Its pages are A4 (595.3 × 841.9 pt), and as many as the printed layout's height needs:
    // a forced break, a blank page or content laid out for the screen adds pages.
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const pages = (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    expect(boxes.length, 'a media box per page').toBe(pages);
    // A4 is 595.3 × 841.9 pt; Chromium rounds it to whole hundredths of an inch (8.27 × 11.7 in).
    for (const [w, h] of boxes) expect(Math.abs(w - 595.3) <= 1 && Math.abs(h - 841.9) <= 1.5, `media box ${w} × ${h}`).toBe(true);
    // Chromium's default margins are 0.4 in: 1123 − 2 × 38 px of each A4 page hold content.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const needed = Math.ceil(height / (1123 - 2 * 38));
    expect(pages, `pages for a printed layout ${height} px high`).toBeGreaterThanOrEqual(1);
    expect(pages, `pages for a printed layout ${height} px high`).toBeLessThanOrEqual(needed);
  });
}
