// The static page of each shared view (dist/<lang>/…/index.html, xtask/src/pages.rs):
// readable without JavaScript, with its own title, description and link preview; with
// JavaScript the app boots into the same view.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appReady, recordCsp } from './fixtures.mjs';
import { crawl } from './crawl.mjs';
import { VIEWS, growthWords } from './views.mjs';

/// Every page's path below the site, from the built dist/ (zh/, en/sector/economy/, …).
function pages() {
  const found = [];
  const walk = (rel) => {
    const dir = path.join(process.env.DIST_DIR, rel);
    if (fs.existsSync(path.join(dir, 'index.html'))) found.push(rel);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(`${rel}${e.name}/`);
  };
  for (const lang of ['zh', 'en']) walk(`${lang}/`);
  return found;
}

/// Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG.
function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => bytes[i] === b) || bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/// The heading a page must carry: the view's own words (typed) around the name of its
/// sector or county from the report's manifest, so a page headed with another view's
/// name, or an empty one, fails.
function expectedH1(rel) {
  const data = JSON.parse(fs.readFileSync('reports/aba-2024/manifest.json', 'utf8'));
  const [lang, kind, slug] = rel.split('/');
  const growth = lang === 'zh' ? '2024年增长目标与2023年实际增速' : '2024 growth targets against 2023 growth';
  if (!kind) return growth;
  if (kind === 'sector') return `${data.sectors.find((x) => x.slug === slug)[lang]} · ${growth}`;
  const county = data.counties.find((x) => x.slug === slug)[lang];
  return lang === 'zh' ? `${county}：2024年政府工作报告怎么说` : `${county}: what the 2024 work report says`;
}

const meta = (page, attr, name) => page.locator(`meta[${attr}="${name}"]`).getAttribute('content');

test('there is a page per language, sector and county', async () => {
  const all = pages();
  const data = JSON.parse(fs.readFileSync('reports/aba-2024/manifest.json', 'utf8'));
  expect(all).toHaveLength(2 * (1 + data.sectors.length + data.counties.length));
  expect(all).toContain('zh/sector/economy/');
  expect(all).toContain('en/county/hongyuan/');
});

test('without JavaScript every page shows its heading, summary and table, and previews as itself', async ({ browser, baseURL, watch }) => {
  test.setTimeout(120_000);
  const context = watch.addContext(await browser.newContext({ javaScriptEnabled: false }));
  const page = await context.newPage();
  const titles = new Set();
  for (const rel of pages()) {
    const res = await page.goto(`${baseURL}/${rel}`);
    expect(res.status(), rel).toBe(200);
    const lang = rel.slice(0, 2);
    await expect(page.locator('html'), rel).toHaveAttribute('lang', lang === 'zh' ? 'zh-Hans' : 'en');
    const h1 = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    expect(h1, rel).toBe(expectedH1(rel));
    const summary = (await page.locator('#shell .summary').textContent()).trim();
    expect(await meta(page, 'name', 'description'), rel).toBe(summary);
    await expect(page.locator('#shell .summary'), rel).toBeVisible();
    // The table of the view's figures (and a county's mentions), each with its quote.
    const rows = page.locator('#shell table tbody tr');
    expect(await rows.count(), rel).toBeGreaterThan(0);
    await expect(page.locator('#shell table').first(), rel).toBeVisible();
    if (!rel.includes('/county/')) expect(await page.locator('#shell table q[lang="zh-Hans"]').count(), rel).toBe(await rows.count());
    const title = await page.title();
    expect(title, rel).toContain(h1);
    titles.add(title);
    // Link preview: canonical and og:url name this page, og:image decodes at its size.
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(new URL(canonical).pathname, rel).toBe(`/${rel}`);
    expect(await meta(page, 'property', 'og:url'), rel).toBe(canonical);
    expect(await meta(page, 'property', 'og:title'), rel).toBe(title);
    expect(await meta(page, 'property', 'og:description'), rel).toBe(summary);
    expect(await meta(page, 'property', 'og:locale'), rel).toBe(lang === 'zh' ? 'zh_CN' : 'en_US');
    expect(await meta(page, 'name', 'twitter:card'), rel).toBe('summary_large_image');
    const image = new URL(await meta(page, 'property', 'og:image'));
    const png = await page.request.get(`${baseURL}${image.pathname}`);
    expect(png.status(), rel).toBe(200);
    const [w, h] = pngSize(await png.body());
    expect([w, h], rel).toEqual([Number(await meta(page, 'property', 'og:image:width')), Number(await meta(page, 'property', 'og:image:height'))]);
    // A link card of 1.91 : 1, which chats show uncropped.
    expect([w, h], rel).toEqual([1200, 630]);
  }
  expect(titles.size).toBe(pages().length);
  await context.close();
  // With JavaScript off, Chromium refuses every script load and reports the page's
  // modulepreload of the app's glue as blocked by the policy ("csp"): not a failure of the
  // site. Any other failed request still fails the test.
  const blocked = (f) => /\/report_explorer\.js csp$/.test(f);
  expect(watch.failed.filter(blocked).length).toBe(pages().length);
  watch.failed.splice(0, watch.failed.length, ...watch.failed.filter((f) => !blocked(f)));
});

test('a preview image decodes in the browser at its declared size', async ({ page, baseURL, watch }) => {
  // Decoded by the page that names it (a picture opened by itself would make Chromium ask
  // for /favicon.ico, which the site does not have: its pages name icon.svg).
  await page.goto(`${baseURL}/en/sector/economy/`);
  const size = await page.evaluate(async () => {
    const img = new Image();
    img.src = 'preview.png';
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  expect(watch.requests.some((u) => u.endsWith('/en/sector/economy/preview.png'))).toBe(true);
  expect(size).toEqual([Number(await meta(page, 'property', 'og:image:width')), Number(await meta(page, 'property', 'og:image:height'))]);
});

test('axe finds nothing on the static pages (the app not started), desktop and phone', async ({ browser, baseURL, watch }) => {
  test.setTimeout(90_000);
  // axe runs as a script in the page, so JavaScript stays on; the app does not start
  // because boot.js is served empty, which leaves the page as a reader without it sees it.
  const context = watch.addContext(await browser.newContext());
  await context.route('**/boot.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  const page = await context.newPage();
  const found = [];
  for (const size of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    await page.setViewportSize(size);
    for (const rel of ['zh/', 'en/', 'zh/sector/tourism/', 'en/sector/economy/', 'zh/county/hongyuan/', 'en/county/aba/']) {
      await page.goto(`${baseURL}/${rel}`);
      const axe = new AxeBuilder({ page });
      // The home pages list every figure (~300 alike rows); the first 40 stand for them.
      if (rel.length === 3) axe.exclude('#shell tbody tr:nth-child(n+41)');
      for (const v of (await axe.analyze()).violations) found.push(`${rel} ${size.width}px: ${v.id} ×${v.nodes.length} ${v.nodes[0].target.join(' ')}`);
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), rel).toBeLessThanOrEqual(size.width);
    }
  }
  expect(found).toEqual([]);
  await context.close();
});

/// The rows the app's chart draws for the view at `rel` (its table twin's first column).
async function appChartRows(browser, baseURL, rel) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}/${rel}`);
  await appReady(page);
  const twin = page.getByRole('table', { name: /图表数据|Chart data as a table/ });
  await twin.locator('tbody tr').first().waitFor({ state: 'attached' });
  const rows = await twin.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.cells[0].textContent.trim()));
  await context.close();
  return rows;
}

/// WCAG contrast of two CSS rgb() colours.
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('before any script runs a page paints its chart, every row of it, at the window\'s size and in the reader\'s theme', async ({ browser, baseURL, watch }) => {
  test.setTimeout(120_000);
  // The rows each page must name, top to bottom: on the Chinese pages the words typed from
  // the report (tests/fixtures/views.json), not read from the app; the English page has no
  // typed words, so it takes the app's rows, as many as the typed ones.
  const expected = {
    'zh/': VIEWS.growth.order.words,
    'zh/sector/economy/': growthWords('economy'),
    'en/': null,
  };
  for (const [rel, title] of [['zh/sector/economy/', '2024年增长目标与2023年实际增速'], ['en/', '2024 growth targets against 2023 growth'], ['zh/', '2024年增长目标与2023年实际增速']]) {
    let rows = expected[rel];
    if (!rows) {
      rows = await appChartRows(browser, baseURL, rel);
      expect(rows.length, rel).toBe(VIEWS.growth.order.words.length);
    }
    expect(rows.length, rel).toBeGreaterThan(1);
    for (const colorScheme of ['light', 'dark']) {
      // Scripts run (to read the page) but the app never starts: boot.js is served empty.
      const context = watch.addContext(await browser.newContext({ colorScheme }));
      await context.route('**/boot.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
      const page = await context.newPage();
      for (const width of [320, 360, 640, 800, 1280, 1600]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${baseURL}/${rel}`);
        const chart = page.getByRole('img', { name: title });
        await expect(chart, `${rel} ${width}px`).toHaveCount(1);
        await expect(chart, `${rel} ${width}px`).toBeVisible();
        const seen = await chart.evaluate((svg) => {
          const box = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')];
          const back = [...svg.querySelectorAll('rect')].sort((a, b) => b.getBBox().width * b.getBBox().height - a.getBBox().width * a.getBBox().height)[0];
          return {
            width: box.width,
            drawn: svg.viewBox.baseVal.width,
            right: box.right,
            text: texts.map((t) => t.textContent).join(''),
            fills: [...new Set(texts.map((t) => getComputedStyle(t).fill))],
            back: getComputedStyle(back).fill,
            page: getComputedStyle(document.body).backgroundColor,
          };
        });
        const at = `${rel} ${width}px ${colorScheme}`;
        // Inside the window, and never drawn larger than the app draws text, nor much smaller.
        expect(seen.right, at).toBeLessThanOrEqual(width);
        expect(seen.width / seen.drawn, at).toBeLessThanOrEqual(1);
        expect(seen.width / seen.drawn, at).toBeGreaterThanOrEqual(0.84);
        // Every row is named on it, in order (a long name wraps over lines, or ends in "…"
        // where the narrowest drawing has no room, as on the canvas).
        const squeeze = (t) => t.replace(/\s+/g, '');
        const text = squeeze(seen.text);
        let from = 0;
        const starts = [];
        for (const row of rows) {
          const name = squeeze(row);
          let at2 = text.indexOf(name, from);
          for (let k = name.length - 1; at2 < 0 && k >= Math.min(4, name.length); k--) at2 = text.indexOf(`${name.slice(0, k)}…`, from);
          expect(at2, `${at}: "${row}" after character ${from} of ${text}`).toBeGreaterThanOrEqual(0);
          starts.push(at2);
          from = at2 + 1;
        }
        // On the typed pages, each row carries the values the report gives for it.
        if (expected[rel]) {
          rows.forEach((word, i) => {
            const own = text.slice(starts[i], starts[i + 1] ?? text.length);
            const typed = [...VIEWS.growth.pairs, ...VIEWS.growth.alone].find((r) => r.word === word);
            for (const value of [typed.from, typed.to].filter(Boolean)) {
              expect(own, `${at}: the row "${word}" shows ${value}`).toContain(value);
            }
          });
        }
        // It sits on the page's own background, with every text readable on it.
        expect(seen.back, at).toBe(seen.page);
        for (const fill of seen.fills) expect(contrast(fill, seen.back), `${at}: text ${fill} on ${seen.back}`).toBeGreaterThanOrEqual(4.5);
      }
      // A link that asks for another view paints no chart until the app draws that view's.
      for (const query of ['?tab=levels', '?lang=en', '?sector=tourism']) {
        await page.goto(`${baseURL}/${rel}${query}`);
        await expect(page.getByRole('heading', { level: 1 }), `${rel}${query}`).toBeVisible();
        await expect(page.getByRole('img', { name: title }), `${rel}${query}`).toHaveCount(0);
      }
      await context.close();
    }
  }
});

/// Layout shifts the page reports, summed, from the first paint on; `shifts.what()` names
/// what moved (for a failure's message).
async function shiftRecorder(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    window.__shiftWhat = [];
    const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shift += e.value;
        // Text and generated content (a quote mark drawn by the style sheet) have no node.
        if (!e.sources.length) window.__shiftWhat.push(`${e.value.toFixed(4)} with no element named at ${Math.round(e.startTime)} ms`);
        for (const s of e.sources) {
          const n = s.node;
          const name = n ? `${n.nodeName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className ? '.' + String(n.className).split(' ')[0] : ''}` : '(gone)';
          window.__shiftWhat.push(`${name} ${rect(s.previousRect)} → ${rect(s.currentRect)} at ${Math.round(e.startTime)} ms`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const shifts = async () => { await page.waitForTimeout(400); return page.evaluate(() => window.__shift); };
  shifts.what = () => page.evaluate(() => window.__shiftWhat.join('; '));
  return shifts;
}

const BOOTS = [
  ['zh/sector/economy/', '?sector=economy', async (page) => {
    await expect(page.getByRole('tab', { name: '增速对比' })).toHaveAttribute('aria-selected', 'true');
    // On a phone the filters are folded away; the box is still there, and checked.
    await expect(page.getByRole('checkbox', { name: '综合经济', includeHidden: true })).toBeChecked();
  }],
  ['en/county/hongyuan/', '?lang=en&tab=county&county=hongyuan', async (page) => {
    await expect(page.getByRole('tab', { name: 'By county' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('combobox', { name: 'Choose a county' })).toHaveValue('hongyuan');
  }],
  ['en/', '?lang=en', async (page) => {
    await expect(page.getByRole('tab', { name: 'Growth: 2023 vs 2024' })).toHaveAttribute('aria-selected', 'true');
  }],
];

// The app takes over in the same box: the chart it draws stands where the page's drawn
// chart stood, as wide and as tall where the drawing is drawn at the box's width (the
// app's 932 px at 1280), as tall and at most 1 px wider on a phone (the box's odd pixel).
for (const width of [360, 1280]) {
  test(`with JavaScript the app's chart takes the drawn chart's place, no jump (${width}px)`, async ({ browser, baseURL, watch }) => {
    for (const rel of ['zh/', 'en/', 'zh/sector/economy/', 'en/sector/tourism/']) {
      const place = async (app) => {
        const context = watch.addContext(await browser.newContext({ viewport: { width, height: 900 } }));
        if (!app) await context.route('**/boot.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
        const page = await context.newPage();
        await page.goto(`${baseURL}/${rel}`);
        if (app) await appReady(page);
        // The drawing and the canvas are each the page's one chart image that is shown.
        const chart = page.getByRole('img').filter({ visible: true }).first();
        await expect(chart).toBeVisible();
        const box = await chart.boundingBox();
        await context.close();
        return box;
      };
      const drawn = await place(false);
      const drawnByApp = await place(true);
      const at = `${rel} ${width}px: drawn ${JSON.stringify(drawn)}, by the app ${JSON.stringify(drawnByApp)}`;
      expect(Math.abs(drawnByApp.x - drawn.x), at).toBeLessThanOrEqual(1);
      expect(Math.abs(drawnByApp.y - drawn.y), at).toBeLessThanOrEqual(1);
      expect(Math.abs(drawnByApp.height - drawn.height), at).toBeLessThanOrEqual(1);
      expect(drawnByApp.width - drawn.width, at).toBeGreaterThanOrEqual(-1);
      expect(drawnByApp.width - drawn.width, at).toBeLessThanOrEqual(width >= 1280 ? 1 : 2);
    }
  });
}

for (const width of [1100, 360]) {
  test(`with JavaScript a static page boots into its view, with no error, no policy violation and no shift of its own (${width}px)`, async ({ page, baseURL, watch }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 800 });
    const csp = await recordCsp(page);
    const shifts = await shiftRecorder(page);
    for (const [rel, query, check] of BOOTS) {
      // The same view from its query link: the app's own start-up, as the baseline.
      await page.goto(`${baseURL}/${query}`);
      await appReady(page);
      const baseline = await shifts();
      // The canvas takes its drawn height before it is drawn, so the app's start-up shifts nothing.
      expect(baseline, `${query}: layout shift at start-up: ${await shifts.what()}`).toBeLessThanOrEqual(0.005);
      await page.goto(`${baseURL}/${rel}`);
      await appReady(page);
      await check(page);
      expect(await shifts(), `${rel}: the static view adds no layout shift to the app's start-up: ${await shifts.what()}`).toBeLessThanOrEqual(baseline + 0.005);
      // The chart area stays put once the app has started.
      const chart = page.locator('.chart-box, #county-title').first();
      const before = await chart.boundingBox();
      await page.waitForTimeout(300);
      expect(await chart.boundingBox(), rel).toEqual(before);
      // The share panel offers the page's path, and the address bar keeps it.
      await expect(page.getByRole('textbox', { name: /本视图链接|Link to this view/ })).toHaveValue(`${baseURL}/${rel}`);
      expect(new URL(page.url()).pathname).toBe(`/${rel}`);
    }
    expect(await csp.all()).toEqual([]);
  });
}

/// A server for dist/ that sends HTML pages in 4 KB pieces, as a slow connection does:
/// 400 ms after the first piece, so that the browser surely paints the page half-arrived
/// (a county page's first piece ends inside a quoted sentence, a long page's inside its
/// table), then 30 ms apart.
async function tricklingServer() {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  const root = path.resolve(process.env.DIST_DIR);
  const server = http.createServer(async (req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      rel = '';
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!rel || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    if (!file.endsWith('.html')) {
      res.end(body);
      return;
    }
    for (let i = 0; i < body.length; i += 4096) {
      res.write(body.subarray(i, i + 4096));
      await new Promise((r) => setTimeout(r, i === 0 ? 400 : 30));
    }
    res.end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

test('on a slow connection a static page\'s table keeps its columns as its rows arrive, and the app takes over without a shift', async ({ page, watch }) => {
  test.setTimeout(60_000);
  const server = await tricklingServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  watch.allowOrigin(base);
  const shifts = await shiftRecorder(page);
  try {
    for (const width of [1100, 360]) {
      await page.setViewportSize({ width, height: 800 });
      // The two longest pages (every figure, about 50 KB each) and a county's two tables.
      for (const rel of ['en/', 'zh/', 'zh/county/hongyuan/']) {
        await page.goto(`${base}/${rel}`);
        await appReady(page);
        expect(await shifts(), `${rel} at ${width}px: ${await shifts.what()}`).toBeLessThanOrEqual(0.005);
        // The app has replaced the static view.
        await expect(page.locator('#shell')).toHaveCount(0);
      }
    }
  } finally {
    server.close();
  }
});

test('a page path with a query on top, and changing the view from a page path', async ({ page, baseURL, watch }) => {
  await page.goto(`${baseURL}/en/sector/economy/?tab=levels`);
  await appReady(page);
  await expect(page.getByRole('tab', { name: 'Levels' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('checkbox', { name: 'Economy overall' })).toBeChecked();
  // A change writes the query form at the site's base (the page path would contradict it).
  await page.getByRole('checkbox', { name: 'Culture & tourism' }).check();
  await expect.poll(() => page.url()).toBe(`${baseURL}/?lang=en&tab=levels&sector=economy,tourism`);
  await page.goBack();
  await expect.poll(() => page.url()).toBe(`${baseURL}/en/sector/economy/?tab=levels`);
  await expect(page.getByRole('checkbox', { name: 'Culture & tourism' })).not.toBeChecked();
  // Without its trailing slash a page is redirected to it (its asset paths count from it).
  await page.goto(`${baseURL}/en/county/hongyuan?year=2024`);
  await appReady(page);
  expect(page.url()).toBe(`${baseURL}/en/county/hongyuan/?year=2024`);
  await expect(page.getByRole('combobox', { name: 'Choose a county' })).toHaveValue('hongyuan');
});

test('a crawl of the built site from every page finds every page and asset they name, and no 404', async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const { fetched, pages: crawled, broken } = await crawl(request, baseURL, pages());
  expect(broken).toEqual([]);
  expect(crawled).toBe(pages().length + 1);
  // Beyond the pages: their style sheet, glue, data files, preview images.
  expect(fetched).toBeGreaterThan(pages().length * 2);
});
