import { test, expect, appReady, standaloneUrl } from './fixtures.mjs';

test('the page loads from the server and renders the app', async ({ page, watch }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page).toHaveTitle(/阿坝/);
  expect(watch.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
});

test('the wasm is served as application/wasm', async ({ request }) => {
  const res = await request.get('/report_explorer_bg.wasm');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/wasm');
});

test('standalone.html runs from file:// with no server', async ({ page, watch }) => {
  await page.goto(standaloneUrl());
  await appReady(page);
  expect(watch.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
});

test('a wasm that cannot load shows a visible error, not a blank page', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  page.on('console', () => {});
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Something went wrong');
  await expect(alert.getByRole('link', { name: /Reload/ })).toBeVisible();
});

test('without JavaScript the page says what it needs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseURL + '/');
  await expect(page.getByText('This page needs JavaScript and WebAssembly')).toBeVisible();
  await context.close();
});
