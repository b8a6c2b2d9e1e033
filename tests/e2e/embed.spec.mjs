// Embeds: the embed code from the share panel, pasted into a plain page and into a page
// running the real Pym.js, sizes the iframe to its content and follows it.
import fs from 'node:fs';
import http from 'node:http';
import { test, expect, appReady } from './fixtures.mjs';

const pymSource = fs.readFileSync('node_modules/pym.js/dist/pym.v1.min.js', 'utf8');

/// The iframe's height against the height of the document inside it (read through the
/// child frame itself, as the host page is on another origin).
async function fit(page) {
  await expect(page.frameLocator('iframe').first().getByRole('main')).toBeVisible({ timeout: 15_000 });
  const iframe = page.locator('iframe').first();
  const child = () => page.frames().find((f) => f.url().includes('embed=1'));
  const inner = () => child().evaluate(() => document.documentElement.scrollHeight);
  return {
    outer: async () => (await iframe.boundingBox()).height,
    inner,
    scrolls: async () => (await inner()) > (await child().evaluate(() => window.innerHeight)) + 1,
  };
}

/// A news article on another origin: a second local server on its own port, so the
/// embed really is cross-origin (as on a newsroom site) and nothing leaves the machine.
let host;
let hostBody = '';
test.beforeAll(async () => {
  host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Article</title></head><body><h1>News article</h1><p>Text before.</p>${hostBody}<p>Text after.</p></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
});
test.afterAll(() => host.close());

async function hostPage(page, body, watch) {
  hostBody = body;
  watch.allowOrigin(`http://127.0.0.1:${host.address().port}`);
  await page.goto(`http://127.0.0.1:${host.address().port}/article.html`);
}

async function embedCode(page, query) {
  await page.goto('/' + query);
  await appReady(page);
  return page.getByRole('textbox', { name: 'Embed code' }).inputValue();
}

test('embed mode drops the chrome but keeps the chart, the source and a way out', async ({ page, watch }) => {
  await page.goto('/?embed=1&lang=en&sector=economy');
  await appReady(page);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
  await expect(page.getByRole('img')).toBeVisible();
  await expect(page.getByText('Source: the 2024 Government Work Report of Aba')).toBeVisible();
  const out = page.getByRole('link', { name: /Open in the full explorer/ });
  await expect(out).toHaveAttribute('target', '_blank');
  const href = new URL(await out.getAttribute('href'));
  expect(href.pathname).toBe('/en/sector/economy/');
  expect(href.search).toBe('');
});

test('the embed code is a lazy, titled, full-width iframe of the same view', async ({ page, watch }) => {
  const code = await embedCode(page, '?lang=en&tab=levels&sector=ecology');
  expect(code).toMatch(/^<iframe src="[^"]+\?lang=en&amp;tab=levels&amp;sector=ecology&amp;embed=1" title="[^"]+" loading="lazy" width="100%" height="\d+"/);
});

for (const viewport of [{ width: 1100, height: 900 }, { width: 360, height: 740 }]) {
  test(`pasted into a plain page, the embed sizes itself (${viewport.width}px)`, async ({ page, baseURL, watch }) => {
    await page.setViewportSize(viewport);
    const code = await embedCode(page, '?lang=en');
    await hostPage(page, code, watch);
    const f = await fit(page);
    await expect.poll(async () => Math.abs((await f.outer()) - (await f.inner())), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect(await f.scrolls()).toBe(false);
  });
}

for (const viewport of [{ width: 1100, height: 900 }, { width: 360, height: 740 }]) {
  test(`a Pym.js host page sizes the embed and follows its changes (${viewport.width}px)`, async ({ page, baseURL, watch }) => {
    await page.setViewportSize(viewport);
    await hostPage(page, '<div id="explorer"></div>', watch);
    await page.addScriptTag({ content: pymSource });
    await page.evaluate((src) => { window.parent_ = new pym.Parent('explorer', src, {}); }, `${baseURL}/?embed=1&sector=economy`);
    const f = await fit(page);
    await expect.poll(async () => Math.abs((await f.outer()) - (await f.inner())), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    const src = await page.locator('iframe').getAttribute('src');
    expect(src).toContain('childId=explorer');
    // The content grows (all sectors instead of one): the iframe follows.
    const before = await f.outer();
    await page.frameLocator('iframe').getByRole('link', { name: /在完整浏览器中打开/ }).waitFor();
    await page.frames().find((f) => f.url().includes('embed=1')).evaluate(() => {
      history.pushState(null, '', location.pathname + '?embed=1&childId=explorer');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(f.outer, { timeout: 10_000 }).toBeGreaterThan(before + 50);
    await expect.poll(async () => Math.abs((await f.outer()) - (await f.inner())), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect(await f.scrolls()).toBe(false);
  });
}

test('a Datawrapper-style listener receives the height; the embed ignores messages it did not ask for', async ({ page, baseURL, watch }) => {
  // The listener is part of the host page, ahead of the iframe, as on a real site: a
  // listener added after load could miss the first (and maybe only) height message.
  const listener = `<script>
    window.heights = [];
    window.addEventListener('message', (e) => {
      const d = typeof e.data === 'string' && e.data.startsWith('{') ? JSON.parse(e.data) : e.data;
      if (d && d['datawrapper-height']) window.heights.push(d['datawrapper-height']['dw-1']);
      if (d && d.sentinel === 'amp') window.amp = d.height;
      if (typeof e.data === 'string' && e.data.startsWith('pymxPYMxdw-1xPYMxheightxPYMx')) window.pym = Number(e.data.split('xPYMx').pop());
    });
  </script>`;
  await hostPage(page, `${listener}<iframe src="${baseURL}/?embed=1&childId=dw-1" title="x" width="100%" height="300"></iframe>`, watch);
  await expect(page.frameLocator('iframe').getByRole('main')).toBeVisible();
  // All three formats arrive and agree on the latest height.
  await expect.poll(() => page.evaluate(() => {
    const h = window.heights.at(-1);
    return h > 300 && window.amp === h && window.pym === h;
  })).toBe(true);
  // Hostile messages from the host change nothing and throw nothing.
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    for (const m of ['pymxPYMxdw-1xPYMxnavigateToxPYMxjavascript:alert(1)', '{"datawrapper-height":{"dw-1":1}}', { sentinel: 'amp', type: 'embed-size', height: 1 }, '<img src=x onerror=alert(1)>']) w.postMessage(m, '*');
  });
  await page.waitForTimeout(300);
  expect(errors).toEqual([]);
  await expect(page.frameLocator('iframe').getByRole('main')).toBeVisible();
  expect(await page.frameLocator('iframe').locator('[onerror]').count()).toBe(0);
});

test('an embed whose host page changes width (360 → 1100 → 360 px) follows its content within 2 px each time', async ({ page, watch }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 360, height: 740 });
  const code = await embedCode(page, '?lang=en&tab=levels');
  await hostPage(page, code, watch);
  const f = await fit(page);
  const heights = [];
  for (const width of [360, 1100, 360]) {
    await page.setViewportSize({ width, height: 900 });
    // The iframe is as wide as the article, and as high as what it holds.
    await expect.poll(async () => Math.round((await page.locator('iframe').first().boundingBox()).width), { message: `width at ${width}px` }).toBeGreaterThan(width - 40);
    await expect.poll(async () => Math.abs((await f.outer()) - (await f.inner())), { timeout: 10_000, message: `fit at ${width}px` }).toBeLessThanOrEqual(2);
    expect(await f.scrolls(), `scrolls at ${width}px`).toBe(false);
    heights.push(await f.outer());
  }
  // Narrow, the same view is taller than wide, and back at 360 px as tall as the first time.
  expect(heights[0]).toBeGreaterThan(heights[1]);
  expect(Math.abs(heights[2] - heights[0])).toBeLessThanOrEqual(2);
});
