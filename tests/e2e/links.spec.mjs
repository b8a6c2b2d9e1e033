// A view is a link: every kind of state survives a reload and standalone.html; back and
// forward walk through views; typing does not flood history; broken links degrade politely.
import { test, expect, appReady, standaloneUrl } from './fixtures.mjs';
import { figures, countyZh, sectorZh } from './data.mjs';
import { VIEWS, countLine, growthWords } from './views.mjs';

// The year filter is written as the report's part (plan); a link that names the year
// itself (year=2024, as links did before) still opens the same view.
const full = '?lang=en&tab=figures&sector=economy,finance&county=hongyuan,maerkang&year=plan&q=growth&focus=gdp-growth-2024&sort=-value';

async function expectFullState(page) {
  await expect(page.getByRole('tab', { name: 'All figures' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('checkbox', { name: 'Economy overall' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Fiscal & finance' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Ecology & environment' })).not.toBeChecked();
  const map = page.getByRole('group', { name: 'County map' });
  await expect(map.getByRole('button', { name: 'Hongyuan' })).toHaveAttribute('aria-pressed', 'true');
  await expect(map.getByRole('button', { name: 'Barkam' })).toHaveAttribute('aria-pressed', 'true');
  await expect(map.getByRole('button', { name: 'Songpan' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('radio', { name: '2024 targets' })).toBeChecked();
  await expect(page.getByRole('searchbox', { name: 'Search indicators and quotes' })).toHaveValue('growth');
  await expect(page.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('status').filter({ hasText: 'not understood' })).toHaveCount(0);
}

test('a link with every kind of state reproduces the view, and again after a reload', async ({ page, watch }) => {
  await page.goto('/' + full);
  await appReady(page);
  await expectFullState(page);
  expect(new URL(page.url()).search).toBe(full);
  await page.reload();
  await appReady(page);
  await expectFullState(page);
  expect(new URL(page.url()).search).toBe(full);
});

test('the same link works in standalone.html from file://', async ({ page, watch }) => {
  await page.goto(standaloneUrl(full));
  await appReady(page);
  await expectFullState(page);
});

test('the share panel link is the canonical link of the view on screen', async ({ page, watch }) => {
  await page.goto('/?county=maerkang,hongyuan&sector=finance,economy&lang=en&tab=figures&year=2024&q=growth&sort=-value&focus=gdp-growth-2024');
  await appReady(page);
  const link = await page.getByRole('textbox', { name: 'Link to this view' }).inputValue();
  expect(new URL(link).search).toBe(full);
});

test('back and forward walk through the views the user made', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('checkbox', { name: sectorZh('finance') }).check();
  await page.getByRole('tab', { name: '全部数字' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/lang=en&tab=figures&sector=finance/);
  await page.goBack();
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '全部数字' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page.getByRole('tab', { name: '增速对比' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('checkbox', { name: sectorZh('finance') })).toBeChecked();
  await page.goBack();
  await expect(page.getByRole('checkbox', { name: sectorZh('finance') })).not.toBeChecked();
  await page.goForward();
  await expect(page.getByRole('checkbox', { name: sectorZh('finance') })).toBeChecked();
  // Typed from the report's 财税金融 paragraph and its one 2024 target (views.json).
  const n = VIEWS.figure_counts.find((c) => c.query === 'sector=finance').count;
  await expect(page.getByText(`${n} / ${figures.length} 项数字符合条件`)).toBeVisible();
  await expect(page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr')).toHaveCount(growthWords('finance').length);
  await page.goBack();
  await expect(page.getByText(countLine(n))).toHaveCount(0);
  await expect(page.getByRole('table', { name: '图表数据（表格）' }).locator('tbody tr')).toHaveCount(VIEWS.growth.order.words.length);
});

test('typing in the search box replaces the history entry instead of adding one per key', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  const before = await page.evaluate(() => history.length);
  await page.getByRole('searchbox', { name: '搜索指标或原文' }).pressSequentially('旅游收入', { delay: 30 });
  await expect(page).toHaveURL(/q=/);
  const after = await page.evaluate(() => history.length);
  expect(after - before).toBeLessThanOrEqual(1);
});

const hostile = [
  ['?sector=economy,nope', ['nope'], async (page) => expect(page.getByRole('checkbox', { name: sectorZh('economy') })).toBeChecked()],
  ['?county=<script>alert(1)</script>&lang=en', ['<script>alert(1)</script>'], async (page) => expect(page.getByRole('button', { name: 'English' })).toHaveCount(0)],
  ['?lang=en&lang=zh', ['lang'], async (page) => expect(page.getByRole('button', { name: '中文' })).toBeVisible()],
  ['?q=%E4%B8&tab=figures', ['q'], async (page) => expect(page.getByRole('tab', { name: '全部数字' })).toHaveAttribute('aria-selected', 'true')],
  ['?focus=no-such-figure&county=hongyuan', ['no-such-figure'], async (page) => expect(page.getByRole('group', { name: '县（市）地图' }).getByRole('button', { name: countyZh('hongyuan') })).toHaveAttribute('aria-pressed', 'true')],
  ['?tab=<img src=x onerror=window.__pwned=1>', ['<img src=x onerror'], async () => {}],
  ['?q=' + 'x'.repeat(300), ['q'], async () => {}],
  ['?utm_source=wechat&from=timeline&tab=levels', ['utm_source'], async (page) => expect(page.getByRole('tab', { name: '总量对比' })).toHaveAttribute('aria-selected', 'true')],
];

for (const [query, shown, keep] of hostile) {
  test(`a broken link renders a view with a notice: ${query.slice(0, 60)}`, async ({ page, watch }) => {
    await page.goto('/' + query);
    await appReady(page);
    const notice = page.getByRole('status').filter({ hasText: /链接中有部分内容无法识别|Parts of this link were not understood/ });
    await expect(notice).toBeVisible();
    for (const text of shown) await expect(notice).toContainText(text.slice(0, 30));
    await keep(page);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"], [onerror]')).toHaveCount(0);
    await notice.getByRole('button', { name: /知道了|Dismiss/ }).click();
    await expect(notice).toHaveCount(0);
  });
}

test('"+" for spaces, as some sites rewrite links, still reads as a space', async ({ page, watch }) => {
  await page.goto('/?q=5G+%E5%9F%BA%E7%AB%99&tab=figures');
  await appReady(page);
  await expect(page.getByRole('searchbox', { name: '搜索指标或原文' })).toHaveValue('5G 基站');
});
