// No network: once the page's own static files are in, the app asks for nothing more,
// whatever the reader does, and it never asks another origin for anything (the `watch`
// fixture fails any test on a foreign request).
import { test, expect, appReady } from './fixtures.mjs';
import { sectorZh, countyZh } from './data.mjs';

const STATIC = ['/', '/style.css', '/boot.js', '/report_explorer.js', '/report_explorer_bg.wasm'];

test('after load the app makes no request at all, through every view, filter, language and download', async ({ page, watch, baseURL }) => {
  test.setTimeout(60_000);
  const log = [];
  let loaded = false;
  page.on('request', (r) => log.push({ url: r.url(), type: r.resourceType(), afterLoad: loaded }));
  await page.goto('/');
  await appReady(page);
  await page.waitForLoadState('networkidle');
  loaded = true;
  const own = log.map((e) => new URL(e.url).pathname);
  expect(new Set(own), 'the static files, and only them').toEqual(new Set(STATIC));

  // Every view and several filters.
  for (const tab of ['总量对比', '全部数字', '按县查看', '增速对比']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  }
  await page.getByRole('checkbox', { name: sectorZh('tourism') }).check();
  await page.getByRole('checkbox', { name: sectorZh('economy') }).check();
  await page.getByRole('group', { name: '县（市）地图' }).getByRole('button', { name: countyZh('hongyuan') }).click();
  await page.getByRole('radio', { name: '2024年目标' }).check();
  await page.getByRole('searchbox', { name: '搜索指标或原文' }).fill('增长');
  await page.getByRole('button', { name: '重置全部筛选' }).click();
  await page.getByRole('table', { name: '图表数据（表格）' }).getByRole('button').first().click();
  await page.getByRole('tab', { name: '全部数字' }).click();
  await page.getByRole('button', { name: '上下文' }).first().click();
  await page.getByRole('tab', { name: '按县查看' }).click();
  await page.getByRole('combobox', { name: '选择县（市）' }).selectOption('hongyuan');
  await page.goBack();
  await page.goForward();

  // The language switch, both ways.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('tab', { name: 'Growth: 2023 vs 2024' }).click();

  // Every download in the share panel (blob: and data: URLs are not network).
  const downloads = [];
  for (const name of ['Download chart (PNG)', 'Download chart (SVG)', 'Download matching figures (CSV)', 'Download the dataset (JSON)']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    downloads.push(download.suggestedFilename());
    expect(new URL(download.url()).protocol, name).toMatch(/^(blob|data):$/);
  }
  expect(downloads).toEqual(['aba-report-2024-growth.png', 'aba-report-2024-growth.svg', 'aba-report-2024-growth.csv', 'aba-report-2024.json']);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');

  await page.waitForTimeout(300);
  // The icon is a data: URL in index.html, so not even the browser's favicon refresh
  // after each address change reaches the network.
  const after = log.filter((e) => e.afterLoad && !/^(blob|data):/.test(e.url)).map((e) => `${e.type} ${e.url}`);
  test.info().annotations.push({ type: 'requests', description: `${log.length} in all; after load: ${after.length}` });
  expect(after, 'requests after load').toEqual([]);
  expect(log.filter((e) => !e.url.startsWith(new URL(baseURL).origin) && !/^(blob|data):/.test(e.url)), 'foreign requests').toEqual([]);
});

test('the copy buttons work without the network too', async ({ page, watch, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/?lang=en');
  await appReady(page);
  await page.waitForLoadState('networkidle');
  const after = [];
  page.on('request', (r) => after.push(r.url()));
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(page.getByText('Embed code copied.')).toBeVisible();
  expect(after).toEqual([]);
});
