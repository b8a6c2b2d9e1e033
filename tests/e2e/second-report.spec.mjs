// The second report: a fictional one (tests/fixtures/second-report, years 2030/2031),
// built by `cargo xtask dist --report tests/fixtures/second-report` with no code change and
// served by `cargo xtask test` at SECOND_BASE_URL. A smoke test of what a reader does —
// filters, both charts, the county view, a shared link, an embed, the standalone file —
// and a check that nothing of Aba's report leaks into this build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, expect, appReady } from './fixtures.mjs';
import { SECOND, literally } from './views.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = path.join(root, 'tests', 'fixtures', 'second-report');
const read = (name) => JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
const manifest = read('manifest.json');
const figures = read('figures.json');
const mentions = read('mentions.json');
const comparisons = read('comparisons.json');
const byId = Object.fromEntries(figures.map((f) => [f.id, f]));
const dist = process.env.SECOND_DIST_DIR;

// What Aba's build says and this one must not.
const FOREIGN = ['阿坝', 'Aba', '2023', '2024'];
const noForeign = (text, where) => {
  for (const word of FOREIGN) expect(text.includes(word), `${word} in ${where}`).toBe(false);
};

test.use({ baseURL: process.env.SECOND_BASE_URL });

test('the page is the second report\'s, in both languages, with nothing of Aba\'s', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page).toHaveTitle(`${manifest.title.zh}数据浏览`);
  await expect(page).toHaveTitle(`${SECOND.title_zh}数据浏览`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${manifest.title.zh}数据浏览`);
  await expect(page.getByText(`来源：${manifest.source.zh}`).first()).toBeVisible();
  noForeign(await page.locator('body').innerText(), 'the zh page');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${manifest.title.en} Explorer`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${SECOND.title_en} Explorer`);
  await expect(page.getByRole('tab', { name: 'Growth: 2030 vs 2031' })).toBeVisible();
  noForeign(await page.locator('body').innerText(), 'the en page');
  expect(watch.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
});

test('the growth chart compares 2030 with 2031 and its table lists every growth pair', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  const growth = comparisons.filter((c) => c.kind === 'growth' && !c.not_comparable);
  await expect(page.getByRole('heading', { name: '2031年增长目标与2030年实际增速' })).toBeVisible();
  await expect(page.locator('.summary').first()).toContainText(`在${growth.length}项有2030年实绩的增速指标中`);
  const table = page.getByRole('table', { name: '图表数据（表格）' });
  await expect(table.getByRole('columnheader', { name: '2030年完成' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '2031年目标' })).toBeVisible();
  for (const c of growth) {
    await expect(table.getByRole('row', { name: new RegExp(byId[c.to].indicator.zh) })).toBeVisible();
  }
  await expect(page.getByRole('img').first()).toBeVisible();
});

test('the levels chart lists the comparable level pairs, not the one that is not comparable', async ({ page, watch }) => {
  await page.goto('/?tab=levels');
  await appReady(page);
  const levels = comparisons.filter((c) => c.kind === 'level' && !c.not_comparable);
  const odd = comparisons.find((c) => c.not_comparable);
  const table = page.getByRole('table', { name: '图表数据（表格）' });
  await expect(table.locator('tbody tr')).toHaveCount(levels.length);
  await expect(table.getByText(byId[odd.to].indicator.zh, { exact: true })).toHaveCount(0);
});

test('a sector filter narrows the figures to that sector, and the link restores it', async ({ page, watch }) => {
  await page.goto('/?tab=figures');
  await appReady(page);
  const sector = manifest.sectors[1];
  await page.getByRole('checkbox', { name: sector.zh }).check();
  const rows = page.getByRole('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(figures.filter((f) => f.sector === sector.slug).length);
  // The share panel follows a change one frame after the figures (src/ui/after_frame.rs).
  const linkBox = page.getByLabel('本视图链接');
  await expect(linkBox).toHaveValue(new RegExp(`[?&]sector=${sector.slug}(&|$)`));
  const link = await linkBox.inputValue();
  await page.goto(link);
  await appReady(page);
  await expect(page.getByRole('checkbox', { name: sector.zh })).toBeChecked();
  await expect(rows).toHaveCount(figures.filter((f) => f.sector === sector.slug).length);
});

test('the county view shows a county\'s mentions, and the year filter keeps one part', async ({ page, watch }) => {
  const mention = mentions[0];
  const county = manifest.counties.find((c) => c.slug === mention.counties[0]);
  await page.goto('/?tab=county');
  await appReady(page);
  await page.getByLabel('选择县（市）').selectOption({ label: county.zh });
  await expect(page.getByRole('heading', { level: 2, name: county.zh })).toBeVisible();
  await expect(page.getByText(mention.gist.zh)).toBeVisible();
  await page.goto(`/?tab=county&county=${county.slug}&year=plan`);
  await appReady(page);
  await expect(page.getByRole('heading', { name: /^2030年完成/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^2031年目标/ }).first()).toBeVisible();
});

test('the county view shows every chosen county, each under its own name', async ({ page, watch }) => {
  const [a, b] = manifest.counties;
  await page.goto(`/?tab=county&county=${a.slug},${b.slug}`);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 2, name: '2个县（市）' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: a.zh })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: b.zh })).toBeVisible();
  // The one-county picker does not pretend that only one of them is chosen.
  await expect(page.getByLabel('选择县（市）')).toHaveValue('');
});

test('the embed shows the second report\'s source and links back to the full view', async ({ page, watch }) => {
  await page.goto('/?embed=1&lang=en');
  await expect(page.getByRole('main')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`Source: ${manifest.source.en}`)).toBeVisible();
  await expect(page.getByRole('link', { name: /Open in the full explorer/ })).toBeVisible();
  noForeign(await page.locator('body').innerText(), 'the embed');
});

test('the standalone file runs from file:// and is the second report', async ({ page, watch }) => {
  await page.goto(pathToFileURL(path.join(dist, 'standalone.html')).href);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${manifest.title.zh}数据浏览`);
});

test('no file of the build names Aba or its years', async () => {
  const offenders = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) { walk(file); continue; }
      if (file.endsWith('.png')) continue; // images: compressed pixels, checked as pages below
      // standalone.html carries the wasm as base64, where any three letters can occur by
      // chance; the wasm itself is checked as its own file.
      const base64 = /[A-Za-z0-9+/]{200,}={0,2}/g;
      const text = fs.readFileSync(file).toString('latin1').replace(base64, '');
      const utf8 = fs.readFileSync(file, 'utf8').replace(base64, '');
      for (const word of FOREIGN) {
        if (utf8.includes(word) || text.includes(word)) offenders.push(`${path.relative(dist, file)}: ${word}`);
      }
    }
  };
  walk(dist);
  expect(offenders).toEqual([]);
  // Its pages are the second report's counties and sectors.
  expect(fs.existsSync(path.join(dist, 'zh', 'county', manifest.counties[0].slug, 'index.html'))).toBe(true);
  expect(fs.existsSync(path.join(dist, 'en', 'sector', manifest.sectors[0].slug, 'preview.png'))).toBe(true);
});

// ---- against facts typed from tests/fixtures/second-report/report.txt (second-views.json) --

test('the growth chart is the text\'s five growth pairs, with both years\' values and the typed summary', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('.summary').first()).toHaveText(SECOND.growth.summary_zh);
  const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
  await expect(rows).toHaveCount(SECOND.growth.pairs.length);
  for (const p of SECOND.growth.pairs) {
    const row = rows.filter({ hasText: literally(p.word) });
    await expect(row, p.word).toHaveCount(1);
    await expect(row, p.word).toContainText(p.from);
    await expect(row, p.word).toContainText(p.to);
    await expect(row, p.word).toContainText(p.direction === 'lower' ? '目标低于去年' : '目标高于去年');
  }
  await page.goto('/?lang=en');
  await appReady(page);
  await expect(page.locator('.summary').first()).toHaveText(SECOND.growth.summary_en);
});

test('the levels chart is the text\'s comparable level pairs, and not the one that counts other things', async ({ page, watch }) => {
  await page.goto('/?tab=levels');
  await appReady(page);
  const rows = page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr');
  await expect(rows).toHaveCount(SECOND.levels.rows.length);
  for (const p of SECOND.levels.rows) {
    const row = rows.filter({ hasText: literally(p.word) });
    await expect(row, p.word).toHaveCount(1);
    await expect(row, p.word).toContainText(p.from);
    await expect(row, p.word).toContainText(p.to);
  }
  await expect(rows.filter({ hasText: literally(SECOND.levels.not_comparable.word) })).toHaveCount(0);
});

test('the figure counts of the whole report and of each year are the text\'s', async ({ page, watch }) => {
  await page.goto('/?tab=figures');
  await appReady(page);
  await expect(page.getByText(`${SECOND.figures_total} / ${SECOND.figures_total} 项数字符合条件`)).toBeVisible();
  for (const [year, n] of Object.entries(SECOND.figures_by_year)) {
    await page.goto(`/?tab=figures&year=${year}`);
    await appReady(page);
    await expect(page.getByText(`${n} / ${SECOND.figures_total} 项数字符合条件`), year).toBeVisible();
    await expect(page.getByRole('table').first().locator('tbody tr'), year).toHaveCount(n);
  }
});

for (const [slug, c] of Object.entries(SECOND.counties)) {
  test(`the county view of ${c.zh} gives the text's figures and mentions`, async ({ page, watch }) => {
    await page.goto(`/?tab=county&county=${slug}`);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 2, name: c.zh })).toBeVisible();
    // The figures' part headings, then the mentions', each with its typed count.
    const part = (year) => (year === '2030' ? '2030年完成' : '2031年目标');
    const figures = Object.entries(c.figures).map(([y, n]) => `${part(y)} · ${n}`);
    const mentions = Object.entries(c.mentions).map(([y, n]) => `${part(y)} · ${n}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 4 })).toHaveText([...figures, ...mentions]);
    if (Object.values(c.figures).every((n) => n === 0)) await expect(page.getByText('报告没有给出该县的数字。').first()).toBeVisible();
    for (const quote of [...(c.figure_quotes ?? []), ...(c.mention_quotes_2030 ?? []), ...(c.mention_quotes_2031 ?? [])]) {
      await expect(page.getByText(literally(quote)).first(), quote).toBeVisible();
    }
  });
}
