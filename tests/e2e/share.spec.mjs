// The share panel: copying works, and every download produces a file that opens.
import fs from 'node:fs';
import { test, expect, appReady } from './fixtures.mjs';
import { figures } from './data.mjs';
import { VIEWS, ORACLE, growthWords, countLine, literally } from './views.mjs';

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
  // Beside the model: every 2023 ecology number typed in the oracle is a row, with its unit.
  const typed = ORACLE.filter((f) => f.sector === 'ecology' && f.year === 2023);
  expect(typed.length).toBeGreaterThan(10);
  for (const f of typed) {
    expect(lines.filter((l) => l.includes(',2023,ecology,') && l.includes(`,${f.value},${f.unit},`)).length, `${f.indicator_zh} ${f.value_text}${f.unit}`).toBeGreaterThan(0);
  }

  const json = await download(page, 'Download the dataset (JSON)');
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(doc.figures.length).toBe(figures.length);
});

// The copied link, opened in a fresh page, is the view: for each tab and each kind of
// filter, what the reopened view shows is checked against facts typed from the report.
const reopened = [
  ['the growth tab and a sector', '/?sector=livelihood', async (page) => {
    await expect(page.locator('.summary').first()).toHaveText(VIEWS.summaries.find((s) => s.query === 'sector=livelihood').zh);
    const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
    await expect(rows).toHaveCount(growthWords('livelihood').length);
  }],
  ['the levels tab and a sector', '/?tab=levels&sector=investment', async (page) => {
    const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
    for (const p of VIEWS.levels.sectors.investment) await expect(rows.filter({ hasText: literally(p.word) })).toContainText(p.to);
  }],
  ['the figures tab, a sector and the year', '/?tab=figures&sector=finance&year=plan', async (page) => {
    await expect(page.getByText(countLine(1))).toBeVisible();
    await expect(page.getByRole('radio', { name: '2024年目标' })).toBeChecked();
  }],
  ['the figures tab and a search', '/?tab=figures&year=plan&q=' + encodeURIComponent('一般公共预算收入'), async (page) => {
    await expect(page.getByText(countLine(1))).toBeVisible();
    await expect(page.getByRole('table', { name: /数字一览/ }).locator('tbody tr')).toContainText('≥7%');
  }],
  ['the county tab and a county', '/?tab=county&county=hongyuan', async (page) => {
    await expect(page.getByRole('heading', { name: `2024年目标 · ${VIEWS.counties.hongyuan.figures['2024']}` })).toBeVisible();
    await expect(page.getByText(literally(VIEWS.counties.hongyuan.mention_quotes_2024[1])).first()).toBeVisible();
  }],
  ['a county on the figures tab, sorted', '/?tab=figures&county=hongyuan&sort=-value', async (page) => {
    await expect(page.getByText(countLine(VIEWS.figure_counts.find((c) => c.query === 'county=hongyuan').count))).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /数值/ })).toHaveAttribute('aria-sort', 'descending');
  }],
  ['a focused row, in English', '/?lang=en&focus=gdp-growth&sector=economy', async (page) => {
    await expect(page.locator('.summary').first()).toHaveText(VIEWS.summaries.find((s) => s.query === 'sector=economy').en);
    await expect(page.getByText('地区生产总值495亿元，增长6.5%左右').first()).toBeVisible();
  }],
];

for (const [what, query, check] of reopened) {
  test(`the copied link reopens the view: ${what}`, async ({ page, context, watch }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(query);
    await appReady(page);
    await check(page);
    const copy = page.getByRole('button', { name: /复制链接|Copy link/ });
    await copy.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const fresh = await context.newPage();
    fresh.on('pageerror', (e) => watch.pageErrors.push(String(e)));
    fresh.on('console', (m) => { if (m.type() === 'error') watch.consoleErrors.push(m.text()); });
    fresh.on('response', (r) => { if (r.status() >= 400) watch.failed.push(`${r.url()} ${r.status()}`); });
    await fresh.goto(copied);
    await appReady(fresh);
    await check(fresh);
    await fresh.close();
  });
}
