// Never a blank page: whatever stops the app, the error box says so and carries both a
// reload link and the link of the view the reader was on, so the view is not lost.
import { test, expect } from './fixtures.mjs';

/// The error box is shown, says `reason`, and links to a reload and to the view.
const expectErrorBox = async (page, reason) => {
  const box = page.getByRole('alert');
  await expect(box).toBeVisible();
  await expect(box).toContainText('Something went wrong');
  await expect(box).toContainText(reason);
  const here = page.url();
  await expect(box.getByRole('link', { name: /Reload/ })).toHaveAttribute('href', here);
  await expect(box.getByRole('link', { name: here })).toHaveAttribute('href', here);
};

test('a page without the mount point shows the error box with the reason, the reload link and the view link', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<div id="app"></div>', '');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/?lang=en&tab=levels');
  await expectErrorBox(page, 'index.html has no #app element');
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeHidden();
  expect(errors.some((e) => e.includes('index.html has no #app element'))).toBe(true);
});

// A panic is a bare wasm trap (panic=immediate-abort, src/ui/fatal.rs). Here the browser
// refuses to make the chart's canvas, so the app's `expect` fails during its first render,
// inside Yew's scheduler rather than at start: the error box must still come.
test('a panic while the app renders shows the error box with the view link', async ({ page }) => {
  await page.addInitScript(() => {
    const make = Document.prototype.createElement;
    Document.prototype.createElement = function (tag, ...rest) {
      if (String(tag).toLowerCase() === 'canvas') throw new Error('no canvas here');
      return make.call(this, tag, ...rest);
    };
  });
  await page.goto('/?lang=en&tab=compare&sector=economy');
  await expectErrorBox(page, 'The app stopped');
});

test('a wasm that cannot load also leaves the view link in the error box', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  page.on('console', () => {});
  await page.goto('/?county=hongyuan');
  const box = page.getByRole('alert');
  await expect(box).toBeVisible();
  await expect(box.getByRole('link', { name: page.url() })).toHaveAttribute('href', page.url());
});
