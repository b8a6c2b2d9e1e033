// The share panel: copying works, and every download produces a file that opens.
import fs from 'node:fs';
import { test, expect, appReady } from './fixtures.mjs';
import { figures } from './data.mjs';

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test('copy link puts the view link on the clipboard', async ({ page, context, watch }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?sector=tourism&lang=en');
  await appReady(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByRole('textbox', { name: 'Link to this view' }).inputValue());
  // A view with a page of its own is shared as that page's path (it previews in chats).
  expect(new URL(copied).pathname).toBe('/en/sector/tourism/');
  expect(new URL(copied).search).toBe('');
});

test('without clipboard permission, copying selects the text instead', async ({ page, watch }) => {
  await page.goto('/?lang=en');
  await appReady(page);
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }));
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(page.getByText('Selected: press Ctrl+C to copy.')).toBeVisible();
  const selected = await page.evaluate(() => {
    const el = document.activeElement;
    return el.value.slice(el.selectionStart, el.selectionEnd);
  });
  expect(selected).toContain('<iframe');
});

test('the chart downloads as a PNG that decodes and an SVG that parses', async ({ page, watch }) => {
  await page.goto('/?lang=en');
  await appReady(page);
  const png = await download(page, 'Download chart (PNG)');
  expect(png.name).toBe('aba-report-2024-growth.png');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  const size = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, png.bytes.toString('base64'));
  expect(size[0]).toBeGreaterThan(300);
  expect(size[1]).toBeGreaterThan(200);

  const svg = await download(page, 'Download chart (SVG)');
  expect(svg.name).toBe('aba-report-2024-growth.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.text).toContain('GDP growth');
});

test('a downloaded chart is drawn at the width on screen, or at 640 or 1200 px as chosen', async ({ page, watch }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?lang=en');
  await appReady(page);
  const svgWidth = async () => {
    const svg = await download(page, 'Download chart (SVG)');
    return page.evaluate((text) => Number(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement.getAttribute('width')), svg.bytes.toString('utf8'));
  };
  const pngWidth = async () => {
    const png = await download(page, 'Download chart (PNG)');
    return png.bytes.readUInt32BE(16); // the IHDR width
  };
  const onScreen = await page.getByRole('img').first().evaluate((c) => Math.round(c.getBoundingClientRect().width));
  const width = page.getByRole('combobox', { name: 'Chart width' });
  await expect(width).toHaveValue('screen');
  expect(Math.abs(await svgWidth() - onScreen)).toBeLessThanOrEqual(2);
  await width.selectOption({ label: '640 px' });
  expect(await svgWidth()).toBe(640);
  expect(await pngWidth()).toBe(1280); // 2× pixel density
  await width.selectOption({ label: '1200 px' });
  expect(await svgWidth()).toBe(1200);
  expect(await pngWidth()).toBe(2400);
});

test('the CSV has the header and exactly the rows on screen; the JSON is the dataset', async ({ page, watch }) => {
  await page.goto('/?lang=en&tab=figures&sector=ecology&year=2023');
  await appReady(page);
  const csv = await download(page, 'Download matching figures (CSV)');
  const text = csv.bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^id,year,sector,indicator_zh,indicator_en,metric,value,unit,qualifier/);
  const expected = figures.filter((f) => f.sector === 'ecology' && f.year === 2023);
  const visible = await page.getByRole('table', { name: /Figures/ }).locator('tbody tr').count();
  expect(lines.length - 1).toBe(expected.length);
  expect(lines.length - 1).toBe(visible);
  for (const f of expected) expect(text).toContain(f.id + ',2023,ecology,');

  const json = await download(page, 'Download the dataset (JSON)');
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(doc.figures.length).toBe(figures.length);
});
