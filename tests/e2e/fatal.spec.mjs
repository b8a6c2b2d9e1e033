// Never a blank page: whatever stops the app, the error box says so and carries both a
// reload link and the link of the view the reader was on, so the view is not lost.
import { test, expect } from './fixtures.mjs';

test('a panic in the app shows the error box with the reload link and the view link', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // A page without the #app mount point makes the app panic at start.
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<div id="app"></div>', '');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/?lang=en&tab=levels');
  const box = page.getByRole('alert');
  await expect(box).toBeVisible();
  await expect(box).toContainText('Something went wrong');
  await expect(box).toContainText('index.html has #app');
  const here = page.url();
  await expect(box.getByRole('link', { name: /Reload/ })).toHaveAttribute('href', here);
  const view = box.getByRole('link', { name: here });
  await expect(view).toHaveAttribute('href', here);
  expect(errors.some((e) => e.includes('panicked'))).toBe(true);
});

test('a wasm that cannot load also leaves the view link in the error box', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  page.on('console', () => {});
  await page.goto('/?county=hongyuan');
  const box = page.getByRole('alert');
  await expect(box).toBeVisible();
  await expect(box.getByRole('link', { name: page.url() })).toHaveAttribute('href', page.url());
});
