// How soon could any page that ships this app's files show its first chart? Floor pages
// against the app and the peers, first chart only, with the bench's probe (bench/probe.js).
//
//   node bench/floor.mjs ROUNDS [DIST] [PEERS]
//
// DIST: the built site (default dist/, from `cargo xtask dist`); PEERS: the peer pages
// (default bench/dist/, from `node bench/build.mjs`). Environment: CPU (throttling rate,
// default 1), DPR (default 1), TAB (growth or levels, default growth).
//
// The floor pages are copies of DIST with another boot.js, the same index.html, style
// sheet, wasm and glue. Each draws when its boot.js has done what its name says:
//   html      nothing loaded: one rectangle on a canvas
//   load      the wasm compiled while the glue is imported (as boot.js does), none of the
//             app's code run: one rectangle
//   draw      the same load, then the app's own first chart drawn from a recording of its
//             canvas calls (made here, at this DPR), on a canvas where the app puts it
//   replay    that drawing with nothing loaded
// On the growth tab four pages whose chart is in their HTML join them: `static` (/zh/),
// `lite` (/zh/ without its table of every figure), `inline` (/zh/ with its style sheets
// and gate script inline) and `svg` (a bare document holding only the drawing).
// `draw` is the least any page can do that loads this wasm and shows this chart: what the
// app does on top (instantiating, reading the dataset, laying out the chart, rendering
// the page around it) must fit between it and the bar. Prints each page's median first
// chart (ms since navigation, interquartile range) and its ratio to the ECharts page with
// a 95 % interval (bench/measure.mjs, `medianRatio`). Loads are interleaved, each in a
// fresh context, the order rotated every round.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installProbe, firstChart, percentile, medianRatio } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [rounds = '12', dist = path.join(here, '../dist'), peers = path.join(here, 'dist')] = process.argv.slice(2);
const cpu = +(process.env.CPU || 1), dpr = +(process.env.DPR || 1), tab = process.env.TAB || 'growth';
// The app's own name for the growth tab in a link (`?tab=growth` is an unknown value to it,
// which it reports in a notice above the chart).
const tabParam = tab === 'levels' ? 'levels' : 'compare';
for (const [dir, how] of [[dist, 'cargo xtask dist'], [path.join(peers, 'echarts'), 'node bench/build.mjs']]) {
  if (!fs.existsSync(dir)) throw new Error(`${dir} is missing: run \`${how}\` first`);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8' };
/// A static server for `root` on a free port.
const serve = (root) => new Promise((resolve) => {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => resolve(server));
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const context = (d) => browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: d, locale: 'zh-CN' });

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'floor-'));
fs.cpSync(dist, path.join(root, 'app'), { recursive: true });
fs.cpSync(peers, path.join(root, 'peers'), { recursive: true });
const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;

// The app's first draw, recorded call by call at this DPR: every method and property set
// of the 2D context until the frame after the first call.
const recordPage = await (await context(dpr)).newPage();
await recordPage.addInitScript(() => {
  const P = CanvasRenderingContext2D.prototype;
  window.__rec = [];
  let recording = true;
  for (const k of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, k);
    if (typeof d.value === 'function' && k !== 'constructor') {
      const f = d.value;
      P[k] = function (...a) { if (recording) { window.__rec.push([k, ...a]); window.__recCanvas = this.canvas; } return f.apply(this, a); };
    } else if (d.set) {
      const s = d.set;
      Object.defineProperty(P, k, { ...d, set(v) { if (recording) window.__rec.push(['=' + k, v]); s.call(this, v); } });
    }
  }
  requestAnimationFrame(function f() { if (window.__rec.length) setTimeout(() => { recording = false; }, 0); else requestAnimationFrame(f); });
});
await recordPage.goto(`${base}/app/?tab=${tabParam}`);
await recordPage.waitForFunction(() => window.__recCanvas && document.querySelector('table.twin'));
const rec = await recordPage.evaluate(() => {
  const c = window.__recCanvas; const b = c.getBoundingClientRect();
  return { calls: window.__rec, width: c.width, height: c.height, box: [b.x, b.y + scrollY, b.width, b.height], lang: c.getAttribute('lang') };
});
await recordPage.context().close();

const load = `await Promise.all([
  WebAssembly.compileStreaming(fetch(new URL('report_explorer_bg.wasm', import.meta.url))),
  import('./report_explorer.js'),
]);`;
const rect = `const c = document.createElement('canvas');
document.body.append(c);
c.getContext('2d').fillRect(0, 0, 10, 10);`;
const replay = `const rec = JSON.parse(${JSON.stringify(JSON.stringify(rec))});
const c = document.createElement('canvas');
c.width = rec.width; c.height = rec.height; c.lang = rec.lang;
c.style.cssText = \`position:absolute;left:\${rec.box[0]}px;top:\${rec.box[1]}px;width:\${rec.box[2]}px;height:\${rec.box[3]}px\`;
document.body.append(c);
const g = c.getContext('2d');
for (const [k, ...a] of rec.calls) { if (k[0] === '=') g[k.slice(1)] = a[0]; else g[k](...a); }`;
const floors = { html: rect, load: `${load}\n${rect}`, draw: `${load}\n${replay}`, replay };
for (const [name, boot] of Object.entries(floors)) {
  fs.cpSync(dist, path.join(root, name), { recursive: true });
  fs.writeFileSync(path.join(root, name, 'boot.js'), `// Floor page "${name}" (bench/floor.mjs).\n${boot}\n`);
}

// Pages whose chart is in their HTML: the static page of this view as dist/ has it
// (`static`, /zh/), the same page without its table of every figure (`lite`), and the
// least such a page can be (`svg`: a bare document holding only the drawing the static
// page shows at this window width, with its palette rules inline; no script, no other file).
const staticHtml = fs.readFileSync(path.join(dist, 'zh/index.html'), 'utf8');
fs.mkdirSync(path.join(root, 'app/lite'));
fs.writeFileSync(path.join(root, 'app/lite/index.html'),
  staticHtml.replace(/<table>[\s\S]*<\/table>/, ''));
const wide = staticHtml.match(/<svg class="chart-svg chart-w"[\s\S]*?<\/svg>/)[0];
fs.mkdirSync(path.join(root, 'svg'));
fs.writeFileSync(path.join(root, 'svg/index.html'),
  `<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>svg</title><style>${['style.css', 'static.css'].map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n')}</style><body>${wide}`);
// And what the static page would win with its style sheets and gate script in its HTML
// (`inline`; the content policy, which forbids that, taken out).
fs.mkdirSync(path.join(root, 'app/inline'));
const sheet = (f) => `<style>${fs.readFileSync(path.join(dist, f), 'utf8')}</style>`;
fs.writeFileSync(path.join(root, 'app/inline/index.html'), staticHtml
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  .replace('<link rel="stylesheet" href="../style.css">', sheet('style.css'))
  .replace('<link rel="stylesheet" href="../static.css">', sheet('static.css'))
  .replace('<script src="../gate.js"></script>', `<script>${fs.readFileSync(path.join(dist, 'gate.js'), 'utf8')}</script>`));
const inHtml = tab === 'growth' ? [['static', `${base}/app/zh/`], ['lite', `${base}/app/lite/`], ['inline', `${base}/app/inline/`], ['svg', `${base}/svg/`]] : [];
const size = `size=${Math.round(rec.box[2])}x${Math.round(rec.box[3])}`;
const pages = [
  ['app', `${base}/app/?tab=${tabParam}`],
  ...Object.keys(floors).map((n) => [n, `${base}/${n}/`]),
  ...inHtml,
  ['echarts', `${base}/peers/echarts/?tab=${tab}&${size}`],
  ['vega', `${base}/peers/vega/?tab=${tab}&${size}`],
];
const firsts = {};
for (let r = 0; r < +rounds; r++) {
  for (const [name, url] of pages.slice(r % pages.length).concat(pages.slice(0, r % pages.length))) {
    const ctx = await context(dpr);
    const page = await ctx.newPage();
    // A floor page that breaks would never draw: stop with its error instead of waiting.
    const broken = new Promise((_, reject) => page.on('pageerror', (e) => reject(new Error(`${name}: ${e}`))));
    broken.catch(() => {}); // an error after the first chart is not this script's to report
    if (cpu !== 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await installProbe(page);
    await page.goto(url);
    (firsts[name] ??= []).push((await Promise.race([firstChart(page), broken])).firstChart);
    await ctx.close();
  }
}
await browser.close();
server.close();
fs.rmSync(root, { recursive: true, force: true });

console.log(`First chart, ${tab} tab, ${cpu}× CPU, DPR ${dpr}: ${rounds} loads each; the app's first draw recorded as ${rec.calls.length} canvas calls on a ${rec.width} × ${rec.height} canvas`);
console.log('page       median ms   IQR ms      / echarts');
for (const [name] of pages) {
  const xs = firsts[name];
  console.log(name.padEnd(10), percentile(xs, 50).toFixed(0).padStart(9), `  ${percentile(xs, 25).toFixed(0)}–${percentile(xs, 75).toFixed(0)}`.padEnd(12),
    name === 'echarts' ? '' : medianRatio(firsts.echarts, xs));
}
