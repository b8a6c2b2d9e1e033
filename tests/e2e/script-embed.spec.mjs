// The one-line script embed: a news page on another origin, with a strict policy that
// allows scripts and frames only from the site, holds two placeholders and embed.js;
// each becomes an iframe of its view that sizes itself to its content.
import http from 'node:http';
import { test, expect } from './fixtures.mjs';

/// The article: a second local server on its own port, so it is another origin than the
/// site (as a newsroom's page is) and nothing leaves the machine. (Pages made up with
/// page.route count as public to Chromium, which then refuses their requests to a
/// loopback server: Private Network Access.) The policy comes as a response header.
let host;
let hostBody = '';
let hostPolicy = '';
test.beforeAll(async () => {
  host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': hostPolicy });
    res.end(`<!doctype html><html lang="en"><head><title>Article</title></head><body>
      <h1>News article</h1><p>Text before.</p>${hostBody}<p>Text after.</p></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
});
test.afterAll(() => host.close());

async function article(page, baseURL, body, watch) {
  watch.allowOrigin(`http://127.0.0.1:${host.address().port}`);
  const site = new URL(baseURL).origin;
  hostPolicy = `default-src 'none'; script-src ${site}; frame-src ${site}; style-src 'unsafe-inline'`;
  hostBody = body;
  await page.goto(`http://127.0.0.1:${host.address().port}/article.html`);
}

/// Console errors and policy violations, in the host page and in its frames.
function watchHost(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}

const views = ['lang=en&sector=economy', 'tab=levels'];

async function snippetFor(baseURL, query) {
  return `<div data-report-view="${query.replace(/&/g, '&amp;')}"></div><script async src="${baseURL}/embed.js"></script>`;
}

/// Each iframe's outer height against the height of the document inside it.
async function heights(page) {
  const frames = page.locator('iframe');
  const out = [];
  for (let i = 0; i < (await frames.count()); i++) {
    const frame = frames.nth(i);
    await frame.scrollIntoViewIfNeeded();
    const handle = await frame.elementHandle();
    const child = await handle.contentFrame();
    await expect(page.frameLocator('iframe').nth(i).getByRole('main')).toBeVisible({ timeout: 15_000 });
    const inner = await child.evaluate(() => document.documentElement.scrollHeight);
    out.push({ outer: (await frame.boundingBox()).height, inner, url: child.url() });
  }
  return out;
}

for (const viewport of [{ width: 1100, height: 900 }, { width: 360, height: 740 }]) {
  test(`two placeholders on a strict-policy page on another origin become self-sizing iframes (${viewport.width}px)`, async ({ page, baseURL, watch }) => {
    test.setTimeout(60_000);
    const problems = watchHost(page);
    await page.setViewportSize(viewport);
    // Both snippets pasted as they are: embed.js twice, the way an editor would paste them.
    await article(page, baseURL, (await snippetFor(baseURL, views[0])) + '<p>Between.</p>' + (await snippetFor(baseURL, views[1])), watch);
    await expect(page.locator('iframe')).toHaveCount(2);
    await expect.poll(async () => {
      const h = await heights(page);
      return h.every((f) => Math.abs(f.outer - f.inner) <= 2 && f.outer > 200);
    }, { timeout: 20_000 }).toBe(true);
    const h = await heights(page);
    expect(h[0].url).toContain('lang=en&sector=economy&embed=1&childId=');
    expect(h[1].url).toContain('tab=levels&embed=1&childId=');
    expect(h[0].outer).not.toBe(h[1].outer);
    // Each iframe got its own id, and the views are what the placeholders asked for.
    expect(new URL(h[0].url).searchParams.get('childId')).not.toBe(new URL(h[1].url).searchParams.get('childId'));
    await expect(page.frameLocator('iframe').nth(0).getByText('Source: the 2024 Government Work Report of Aba')).toBeVisible();
    await expect(page.frameLocator('iframe').nth(1).getByRole('heading', { name: /总量/ }).first()).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test('the iframe follows its content, and forged messages resize nothing', async ({ page, baseURL, watch }) => {
  test.setTimeout(60_000);
  const problems = watchHost(page);
  await article(page, baseURL, await snippetFor(baseURL, 'sector=economy'), watch);
  const iframe = page.locator('iframe').first();
  await expect.poll(async () => {
    const [f] = await heights(page);
    return Math.abs(f.outer - f.inner) <= 2 && f.outer !== 640;
  }, { timeout: 20_000 }).toBe(true);
  const settled = (await iframe.boundingBox()).height;
  const childId = new URL(await iframe.getAttribute('src')).searchParams.get('childId');

  // Forged: the right id and format from the host window itself (wrong origin and
  // source), and from a window of the site's own origin that is not the iframe (a second
  // frame of the site on the same page); the iframe itself naming an id not its own.
  await page.evaluate((id) => {
    window.postMessage({ 'datawrapper-height': { [id]: 77 } }, '*');
    window.postMessage(JSON.stringify({ 'datawrapper-height': { [id]: 78 } }), '*');
  }, childId);
  await page.evaluate((src) => {
    const other = document.createElement('iframe');
    other.src = src;
    other.title = 'other';
    document.body.append(other);
  }, `${baseURL}/embed.js`);
  const other = await (await page.locator('iframe[title="other"]').elementHandle()).contentFrame();
  await expect.poll(() => other.url()).toContain('embed.js');
  await other.evaluate((id) => window.parent.postMessage({ 'datawrapper-height': { [id]: 79 } }, '*'), childId);
  const child = await (await iframe.elementHandle()).contentFrame();
  await child.evaluate(() => window.parent.postMessage({ 'datawrapper-height': { 'aba-other-0': 80 } }, '*'));
  await page.waitForTimeout(500);
  expect(Math.abs((await iframe.boundingBox()).height - settled)).toBeLessThanOrEqual(1);
  await page.evaluate(() => document.querySelector('iframe[title="other"]').remove());

  // The content changes (all sectors instead of one): the iframe follows.
  await child.evaluate(() => {
    history.pushState(null, '', location.pathname + '?embed=1&childId=' + new URL(location.href).searchParams.get('childId'));
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect.poll(async () => (await iframe.boundingBox()).height, { timeout: 10_000 }).toBeGreaterThan(settled + 50);
  await expect.poll(async () => {
    const [f] = await heights(page);
    return Math.abs(f.outer - f.inner);
  }, { timeout: 10_000 }).toBeLessThanOrEqual(2);
  expect(problems).toEqual([]);
});

test('the share panel offers the script embed next to the iframe code, in both languages', async ({ page, baseURL, watch }) => {
  await page.goto('/?lang=en&tab=levels&sector=ecology');
  const code = page.getByRole('textbox', { name: 'Script embed (one line, sizes itself)' });
  await expect(code).toHaveValue(`<div data-report-view="lang=en&amp;tab=levels&amp;sector=ecology"></div><script async src="${baseURL}/embed.js"></script>`);
  await expect(page.getByRole('button', { name: 'Copy script embed' })).toBeVisible();
  await page.goto('/?sector=ecology');
  await expect(page.getByRole('textbox', { name: '脚本嵌入（一行，自动调整高度）' })).toHaveValue(/^<div data-report-view="sector=ecology"><\/div><script async src="[^"]+\/embed\.js"><\/script>$/);
  await expect(page.getByRole('button', { name: '复制脚本嵌入' })).toBeVisible();
});
