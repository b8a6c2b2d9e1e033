// The second report: a fictional one (tests/fixtures/second-report, years 2030/2031),
// built by `cargo xtask dist --report tests/fixtures/second-report` with no code change and
// served by `cargo xtask test` at SECOND_BASE_URL. A smoke test of what a reader does —
// filters, both charts, the county view, a shared link, an embed, the standalone file —
// and a check that nothing of Aba's report leaks into this build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, expect, appReady } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { SECOND, literally } from './views.mjs';
import { crawl } from './crawl.mjs';

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

// ---- the second report under the checks Aba's build gets ---------------------------------

/// The static pages of this build (zh/, en/county/landong/, …).
function sitePages() {
  const found = [];
  const walk = (rel) => {
    const d = path.join(dist, rel);
    if (fs.existsSync(path.join(d, 'index.html'))) found.push(rel);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(`${rel}${e.name}/`);
  };
  for (const lang of ['zh', 'en']) walk(`${lang}/`);
  return found;
}

test('a crawl of the second build from every page finds every page and asset they name, and no 404', async ({ request }) => {
  const base = process.env.SECOND_BASE_URL;
  const { fetched, pages, broken } = await crawl(request, base, sitePages());
  expect(broken).toEqual([]);
  expect(pages).toBe(sitePages().length + 1);
  expect(sitePages()).toHaveLength(2 * (1 + manifest.sectors.length + manifest.counties.length));
  expect(fetched).toBeGreaterThan(sitePages().length * 2);
});

for (const lang of ['', 'lang=en&']) {
  test(`axe finds no violation in the second build: every tab, ${lang ? 'English' : 'Chinese'}, light and dark`, async ({ page, watch }) => {
    test.setTimeout(120_000);
    const found = [];
    for (const tab of ['', 'tab=levels', 'tab=figures', 'tab=county&county=xiqiao']) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`/?${lang}${tab}`);
      await appReady(page);
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        const axe = new AxeBuilder({ page });
        if (scheme === 'dark') axe.withRules(['color-contrast']);
        for (const v of (await axe.analyze()).violations) found.push(`?${lang}${tab} ${scheme}: ${v.id} ×${v.nodes.length} ${v.nodes[0].target.join(' ')}`);
      }
    }
    expect(found).toEqual([]);
  });
}

test('keyboard only in the second build: a sector with Space, the tabs with arrows, a chart row with Enter', async ({ page, watch }) => {
  await page.goto('/?lang=en');
  await appReady(page);
  const tabTo = async (want) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(want)) return;
    }
    throw new Error('never reached');
  };
  const tourism = manifest.sectors.find((x) => x.slug === 'tourism');
  await tabTo(() => document.activeElement.type === 'checkbox' && document.activeElement.closest('label')?.textContent.trim() === 'Culture & tourism');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(new RegExp(`sector=${tourism.slug}`));
  // Typed: the tourism sector has one growth pair, 游客 (12.4% → ≥10%).
  const rows = page.getByRole('table', { name: 'Chart data as a table' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await tabTo(() => document.activeElement.getAttribute('role') === 'tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Levels' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await tabTo(() => document.activeElement.tagName === 'CANVAS');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/focus=/);
  await expect(page.locator('.detail-card')).toContainText(SECOND.growth.pairs.find((p) => p.word === '游客').from.replace('%', ''));
});

test('the second build\'s downloads: the CSV has the text\'s figures, the chart files name no Aba', async ({ page, watch }) => {
  await page.goto('/?lang=en&tab=figures');
  await appReady(page);
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path()).toString('utf8') };
  };
  const csv = await download('Download matching figures (CSV)');
  const lines = csv.text.slice(1).trim().split('\r\n');
  expect(lines.length - 1).toBe(SECOND.figures_total);
  expect(lines.filter((l) => /^[^,]+,2030,/.test(l))).toHaveLength(SECOND.figures_by_year['2030']);
  noForeign(csv.text, 'the CSV');
  const json = JSON.parse((await download('Download the dataset (JSON)')).text);
  expect(json.figures).toHaveLength(SECOND.figures_total);
  await page.goto('/?lang=en');
  await appReady(page);
  const svg = await download('Download chart (SVG)');
  expect(svg.name).not.toMatch(/aba/i);
  for (const p of SECOND.growth.pairs) expect(svg.text, p.word).toContain(p.from.replace(/[≥≈]/, ''));
  noForeign(svg.text.replace(/<[^>]+>/g, ' '), 'the SVG');
});

test('without JavaScript every page of the second build shows its heading and table, and nothing of Aba', async ({ browser, watch }) => {
  test.setTimeout(90_000);
  const context = watch.addContext(await browser.newContext({ javaScriptEnabled: false }));
  const page = await context.newPage();
  const headings = new Set();
  for (const rel of sitePages()) {
    const res = await page.goto(`${process.env.SECOND_BASE_URL}/${rel}`);
    expect(res.status(), rel).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), rel).toBeVisible();
    const h1 = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    const [lang, kind, slug] = rel.split('/');
    const named = kind === 'county' ? manifest.counties : kind === 'sector' ? manifest.sectors : [];
    for (const x of named.filter((x) => x.slug === slug)) expect(h1, rel).toContain(x[lang]);
    headings.add(h1);
    await expect(page.locator('#shell table').first(), rel).toBeVisible();
    noForeign(await page.locator('body').innerText(), rel);
  }
  expect(headings.size, 'each page its own heading').toBe(sitePages().length);
  await context.close();
  // As in Aba's build: with JavaScript off Chromium reports each page's modulepreload as
  // blocked by the policy; no other request may fail.
  const blocked = (f) => /\/report_explorer\.js csp$/.test(f);
  watch.failed.splice(0, watch.failed.length, ...watch.failed.filter((f) => !blocked(f)));
});
