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

// Playwright's "JavaScript disabled" still parses <noscript> as if scripts ran, so this
// checks the served markup and that the data it links to is there.
test('the no-script message names what the page needs and links the data', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)[1];
  expect(noscript).toContain('This page needs JavaScript and WebAssembly');
  expect(noscript).toContain('本页面需要启用 JavaScript 和 WebAssembly');
  for (const href of noscript.match(/href="([^"]+)"/g).map((h) => h.slice(6, -1))) {
    expect((await request.get('/' + href)).status(), href).toBe(200);
  }
});
