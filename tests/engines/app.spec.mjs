// What a reader does, on Firefox and on WebKit (the projects of engines.config.mjs), on
// Aba's build and on the second report's (a `describe` each, below).
//
// What runs on every engine, and what on Chromium alone (tests/e2e/, Playwright):
// - Here, on every engine: what depends on the engine that runs it. The wasm, the boot
//   script and the strict policy (a console error or a violation fails every test here);
//   the canvas drawing both charts; clicks and keys reaching the filters, tabs and chart
//   rows; the address bar (history.pushState) agreeing with the view, and a link reopened
//   in a new session; the embed's height message and the host's resize in an iframe at
//   360 and 1100 px; the static pages with and without JavaScript; the files the page
//   makes for a download (Blob, object URLs, the SVG serializer's output parsed back).
// - On Chromium alone: what is the app's logic rather than the engine's, and is the same
//   on any engine once the checks above pass: the data in every tab, the URL codec's
//   corners (tests/e2e/fuzz, links), back and forward, the axe scans, print, the offline
//   and fatal-error pages, the script embed's origin checks, Pym.js's protocol, the
//   clipboard (which needs permissions only Playwright's Chromium grants), the policy's
//   text, and the redraw-time budget (perf, which wants one engine at a time on the two
//   cores). Running those three times would add minutes to every run on a 2-core machine
//   and find nothing a single engine does not. The Firefox bench row (`cargo xtask bench`)
//   watches Firefox's speed instead.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test, expect, until, appReady, chartDrawn, query, SITE_NAMES } from './fixtures.mjs';

const readJson = (report, name) => JSON.parse(fs.readFileSync(path.join(report, name), 'utf8'));

/// What the reader sees that a link must carry: the filters, the tab and the chart's text.
async function viewOnScreen(s) {
  return s.eval(() => ({
    boxes: [...document.querySelectorAll('.filters input[type=checkbox]:checked')].map((b) => b.closest('label')?.textContent.trim()).sort(),
    tiles: [...document.querySelectorAll('.tile[aria-pressed=true]')].map((t) => t.getAttribute('aria-label')).sort(),
    year: document.querySelector('.filters input[type=radio]:checked')?.closest('label')?.textContent.trim(),
    tab: document.querySelector('[role=tab][aria-selected=true]')?.textContent.trim(),
    chart: document.querySelector('canvas[role=img]')?.getAttribute('aria-label') ?? document.querySelector('main h2')?.textContent,
  }));
}

/// A signature of the canvas's pixels, to tell one drawing from the next.
const pixels = (s) => s.eval(() => {
  const c = document.querySelector('canvas[role=img]');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let h = 0;
  for (let i = 0; i < d.length; i += 4 * 13) h = (h * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) % 1_000_000_007;
  return `${c.width}x${c.height}:${h}`;
});

async function press(s, key, times = 1) {
  for (let i = 0; i < times; i++) await s.press(key);
}

/// Presses Tab until `pred` (run in the page) holds for the focused element.
async function tabUntil(s, pred, arg) {
  for (let i = 0; i < 80; i++) {
    await s.press('Tab');
    if (await s.eval(pred, arg)) return;
  }
  throw new Error(`Tab never reached ${pred}`);
}

for (const [siteTitle, siteName] of SITE_NAMES) test.describe(siteTitle, () => {
  test.use({ siteName });

  test('the page boots with no console error and no policy violation, and draws both charts', async ({ open, siteURL, manifest }) => {
    const s = await open();
    await s.goto(`${siteURL}/?lang=en`);
    await appReady(s);
    await until(() => chartDrawn(s), 'the growth chart is drawn');
    const growth = await pixels(s);
    const growthLabel = await (await s.role('img', /./)).attr('aria-label');
    expect(growthLabel.length).toBeGreaterThan(20);
    await (await s.role('tab', `Growth: ${manifest.review_year} vs ${manifest.plan_year}`)).click();
    await (await s.role('tab', 'Levels')).click();
    await until(async () => (await query(s)).tab === 'levels', 'tab=levels in the address');
    await until(async () => (await chartDrawn(s)) && (await pixels(s)) !== growth, 'the levels chart is drawn');
    expect(await (await s.role('img', /./)).attr('aria-label')).not.toBe(growthLabel);
  });

  test('a sector, a county, the year and a tab change by clicking; the address and the view agree', async ({ open, siteURL, manifest }) => {
    const s = await open();
    await s.goto(`${siteURL}/?lang=en`);
    await appReady(s);
    const sector = manifest.sectors[1];
    const county = manifest.counties[0];
    await (await s.role('checkbox', sector.en)).click();
    await until(async () => (await query(s)).sector === sector.slug, 'sector in the address');
    const tile = await s.role('button', county.en);
    await tile.click();
    await until(async () => (await query(s)).county === county.slug, 'county in the address');
    expect(await tile.attr('aria-pressed')).toBe('true');
    await (await s.role('radio', new RegExp(String(manifest.plan_year)))).click();
    await until(async () => (await query(s)).year === 'plan', 'year=plan in the address');
    await (await s.role('tab', 'Levels')).click();
    await until(async () => (await query(s)).tab === 'levels', 'tab=levels in the address');
    const view = await viewOnScreen(s);
    // The county is ticked in the list by name too: the same filter.
    expect(view.boxes).toEqual([sector.en, county.en].sort());
    expect(view.tiles).toEqual([county.en]);
    expect(view.year).toContain(String(manifest.plan_year));
    expect(view.tab).toBe('Levels');
    expect(await query(s)).toEqual({ lang: 'en', tab: 'levels', sector: sector.slug, county: county.slug, year: 'plan' });
  });

  test('a shared link reopened in a new session shows the same view', async ({ open, siteURL, manifest }) => {
    const s = await open();
    await s.goto(`${siteURL}/?lang=en`);
    await appReady(s);
    const sector = manifest.sectors[0];
    await (await s.role('checkbox', sector.en)).click();
    await (await s.role('tab', 'Levels')).click();
    const box = await s.role('textbox', 'Link to this view');
    const link = await until(async () => {
      const v = await box.prop('value');
      return v.includes(`sector=${sector.slug}`) && v.includes('tab=levels') && v;
    }, 'the share panel follows the view');
    const before = await viewOnScreen(s);
    expect(before.boxes).toEqual([sector.en]);
    await s.close();
    // The link names the site the build was made for; the same path and query on this server.
    const shared = new URL(link);
    const other = await open({ fresh: true });
    await other.goto(`${siteURL}${shared.pathname}${shared.search}`);
    await appReady(other);
    expect(await viewOnScreen(other)).toEqual(before);
  });

  // A news article on another origin, for the embed.
  let host;
  let hostBody = '';
  test.beforeAll(async () => {
    host = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Article</title></head><body><h1>News</h1><p>Before.</p>${hostBody}<p>After.</p></body></html>`);
    });
    await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  });
  test.afterAll(() => host.close());

  for (const width of [360, 1100]) {
    test(`the embed code in an article on another site sizes its iframe within 2 px (${width} px)`, async ({ open, siteURL }) => {
      const s = await open({ width, height: 800 });
      await s.goto(`${siteURL}/?lang=en`);
      await appReady(s);
      const code = await until(async () => (await (await s.role('textbox', 'Embed code')).prop('value')).replace(/http:\/\/[^/"]+\//, `${siteURL}/`), 'the embed code');
      hostBody = code;
      await s.goto(`http://127.0.0.1:${host.address().port}/article.html`);
      await until(async () => {
        const outer = await s.eval(() => document.querySelector('iframe').getBoundingClientRect().height);
        const inner = await s.inFrame(() => !document.getElementById('shell') && document.documentElement.scrollHeight);
        return inner && Math.abs(outer - inner) <= 2;
      }, 'the iframe\'s height within 2 px of its content');
    });
  }

  test('a static page reads without JavaScript, and with it the app takes over the same view', async ({ open, siteURL, manifest, report }) => {
    const sector = manifest.sectors[0];
    const url = `${siteURL}/en/sector/${sector.slug}/`;
    const figures = readJson(report, 'figures.json').filter((f) => f.sector === sector.slug);
    const off = await open({ javaScript: false });
    await off.goto(url);
    // No script runs: the loading note stays, and the page's own HTML holds the heading, the
    // table and the sector's name. The name is in the heading's text for a screen reader
    // (shown beside the filters on a wide window: the heading itself is the app's, so that
    // the app takes over without moving the chart), so the text is read as a whole, not as
    // WebKit's driver reads what is shown.
    expect(await off.css('#shell')).not.toBeNull();
    expect(await (await off.css('h1')).prop('textContent')).toContain(sector.en);
    expect(await off.css('table tbody tr')).not.toBeNull();
    await off.close();
    const on = await open();
    await on.goto(url);
    await appReady(on);
    expect((await query(on)).sector ?? sector.slug).toBe(sector.slug);
    const box = await on.role('checkbox', sector.en);
    expect(await box.prop('checked')).toBe(true);
    expect(figures.length).toBeGreaterThan(0);
  });

  test('the chart downloads as an SVG that parses and the figures as a CSV of the rows on screen', async ({ open, siteURL, manifest, report }) => {
    const s = await open();
    const sector = manifest.sectors[0];
    await s.goto(`${siteURL}/?lang=en&tab=figures&sector=${sector.slug}`);
    await appReady(s);
    // The page's saving goes through a temporary link; keep the files instead of saving them.
    await s.eval(() => {
      window.__saved = [];
      const blobs = new Map();
      const create = URL.createObjectURL;
      URL.createObjectURL = (b) => { const u = create.call(URL, b); blobs.set(u, b); return u; };
      HTMLAnchorElement.prototype.click = function () { window.__saved.push({ name: this.download, blob: blobs.get(this.href) }); };
    });
    await (await s.role('button', 'Download matching figures (CSV)')).click();
    await (await s.role('tab', 'Levels')).click();
    await (await until(() => s.role('button', 'Download chart (SVG)'), 'the SVG button')).click();
    const files = await until(() => s.eval(async () => {
      if (window.__saved.length < 2) return null;
      return Promise.all(window.__saved.map(async (f) => ({ name: f.name, text: await f.blob.text() })));
    }), 'two files saved');
    const [csv, svg] = files;
    expect(csv.name).toMatch(/\.csv$/);
    const rows = csv.text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    const expected = readJson(report, 'figures.json').filter((f) => f.sector === sector.slug);
    expect(rows.length - 1).toBe(expected.length);
    expect(svg.name).toMatch(/\.svg$/);
    const parsed = await s.eval((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, error: doc.getElementsByTagName('parsererror').length, texts: doc.getElementsByTagName('text').length };
    }, svg.text);
    expect(parsed).toEqual(expect.objectContaining({ root: 'svg', error: 0 }));
    expect(parsed.texts).toBeGreaterThan(3);
    expect(svg.text).toContain(manifest.source.en);
  });

  test('the filters, the tabs and the chart rows are reached and used by keyboard', async ({ open, siteURL, manifest }) => {
    const s = await open();
    await s.goto(`${siteURL}/?lang=en`);
    await appReady(s);
    const sector = manifest.sectors[1];
    await tabUntil(s, (name) => document.activeElement.closest('label')?.textContent.trim() === name, sector.en);
    await s.press('Space');
    await until(async () => (await query(s)).sector === sector.slug, 'Space ticks the sector');
    await s.press('Space');
    await until(async () => !(await query(s)).sector, 'Space unticks it');
    await tabUntil(s, () => document.activeElement.getAttribute('role') === 'tab');
    await s.press('ArrowRight');
    await until(async () => (await query(s)).tab === 'levels', 'ArrowRight opens the next tab');
    await s.press('ArrowLeft');
    await until(async () => !(await query(s)).tab, 'ArrowLeft goes back');
    await tabUntil(s, () => document.activeElement.tagName === 'CANVAS');
    await press(s, 'ArrowDown', 2);
    await s.press('Enter');
    await until(async () => (await query(s)).focus, 'Enter on a chart row selects it');
    await until(() => s.eval(() => !!document.querySelector('.detail-card')), 'the row\'s detail card');
  });
});
