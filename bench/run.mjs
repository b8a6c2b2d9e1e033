// Measures our page, our static page and the two peers in Debian's headless Chromium. Run by `cargo xtask bench`:
//   node bench/run.mjs <out.json> <runs> <changes> name=url ...
// (the first name is ours: the page every other page's rows and chart size are checked
// against). Writes every raw sample as JSON; xtask/src/bench.rs makes the tables.
//
// - The probe (bench/probe.js, driven by bench/measure.mjs) is installed before any page
//   script on every page; it first checks itself on a page of known behaviour.
// - Conditions: 1× CPU at devicePixelRatio 1, and 4× CPU throttling (CDP
//   Emulation.setCPUThrottlingRate) at devicePixelRatio 2; each on the growth tab
//   (?tab=compare) and the levels tab (?tab=levels).
// - A warm-up run (every page, condition and tab, WARMUP_CHANGES changes) is discarded;
//   then `runs` runs, the page order rotated each run (ours/static/echarts/vega/echarts-ssr,
//   static/echarts/vega/echarts-ssr/ours, ...), each sample in a fresh browser context
//   (empty cache), viewport 1280 × 900. The static page (`static`, see `bare`) runs on the
//   growth tab only; the pre-rendered ECharts page (`echarts-ssr`) is written after the
//   warm-up has measured the app (see `writeSsr`).
// - Every page must show the same rows as ours (initial view and after the first filter
//   change) and a chart of the same CSS size, or the bench stops. The peers are given the
//   app's chart size in each filter state, measured on the app in the warm-up run.
import { chromium } from '@playwright/test';
import * as echarts from 'echarts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  installProbe, firstChart, timeChange, summarize,
} from './measure.mjs';
import { growth, levels } from './peers/echarts-options.js';

const [out, runsArg, changesArg, ...pageArgs] = process.argv.slice(2);
const runs = Number(runsArg);
const changes = Number(changesArg);
const pages = pageArgs.map((a) => { const i = a.indexOf('='); return [a.slice(0, i), a.slice(i + 1)]; });
const OURS = pages[0][0];
/// A static page of ours (`static=…/zh/`): loaded at its own address with no query, since
/// a query may ask for another view and the page then hides the chart it carries
/// (assets/gate.js); measured on the growth tab only, the view the page carries.
const bare = (name) => name === 'static';
const onTab = (name, tab) => !bare(name) || tab.id === 'compare';
/// The pre-rendered ECharts page (`echarts-ssr=…/echarts-ssr/`): one page per condition
/// and tab, written by `writeSsr` once the warm-up has measured the app's chart there.
const SSR = 'echarts-ssr';
const ssrDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist', SSR);
/// Renders the first chart of `tab` with ECharts' server-side rendering (SVG, in Node) at
/// the app's chart size `[w, h]` and writes it into the page's HTML, as a site that
/// pre-renders would at build time.
const writeSsr = (cond, tab, [w, h]) => {
  const data = JSON.parse(fs.readFileSync(path.join(ssrDir, 'rows.json'), 'utf8'));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: w, height: h });
  chart.setOption(tab.id === 'levels' ? levels(data.levels) : growth(data.rows));
  const svg = chart.renderToSVGString();
  chart.dispose();
  const html = fs.readFileSync(path.join(ssrDir, 'template.html'), 'utf8').replace('__SSR__', svg);
  fs.mkdirSync(path.join(ssrDir, `${cond.id}-${tab.id}`), { recursive: true });
  fs.writeFileSync(path.join(ssrDir, `${cond.id}-${tab.id}`, 'index.html'), html);
};
/// The address a page is loaded at.
const address = (name, url, cond, tab, query) => {
  if (bare(name)) return url;
  if (name === SSR) return `${url}${cond.id}-${tab.id}/?tab=${tab.id}${query}`;
  return `${url}?tab=${tab.id}${query}`;
};
const WARMUP_CHANGES = 4;

export const CONDITIONS = [
  { id: 'cpu1-dpr1', label: '1× CPU, DPR 1', cpu: 1, dpr: 1 },
  { id: 'cpu4-dpr2', label: '4× CPU, DPR 2', cpu: 4, dpr: 2 },
];
/// The sector checkboxes toggled on each tab (each on, then off, in turn); every one of
/// them changes that tab's chart.
export const TABS = [
  { id: 'compare', label: 'growth', toggles: ['财政金融', '综合经济'] },
  { id: 'levels', label: 'levels', toggles: ['乡村振兴', '民生保障'] },
];

// Before any page script: time WebAssembly compile+instantiate around the glue's calls and
// keep the instance's memory, without touching the app.
const instrumentWasm = () => {
  const wrap = (name) => {
    const orig = WebAssembly[name];
    if (!orig) return;
    WebAssembly[name] = async function (...args) {
      const t0 = performance.now();
      const result = await orig.apply(this, args);
      const t1 = performance.now();
      (window.__wasm ??= []).push({ api: name, ms: t1 - t0 });
      const instance = result.instance ?? result;
      const memory = instance?.exports?.memory;
      if (memory) window.__wasmMemory = memory;
      return result;
    };
  };
  wrap('instantiateStreaming');
  wrap('instantiate');
};

/// More loads per run for the first chart alone (no changes), on top of the load that times
/// the changes: a first chart is one number per load, and five loads did not pin its median
/// down on these machines (two copies of one build differed by 9 % over 16 loads at 4× CPU;
/// docs/performance.md). Interleaved like the main loads, after them in each condition and tab.
const FIRST_CHART_LOADS = 3;

/// Opens `url` on `tab` in a fresh context (empty cache) under `cond`, with the probe
/// installed before any page script; collects the page's uncaught errors.
const open = async (browser, name, url, cond, tab, query) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 }, deviceScaleFactor: cond.dpr, locale: 'zh-CN',
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    if (cond.cpu !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cond.cpu });
    }
    await installProbe(page);
    await page.addInitScript(instrumentWasm);
    await page.goto(address(name, url, cond, tab, query));
    return { context, page, errors };
  } catch (e) {
    await context.close();
    throw e;
  }
};

/// A page loaded as `measure` loads it, for its first chart only.
const firstChartOnly = async (browser, name, url, cond, tab, query) => {
  const { context, page, errors } = await open(browser, name, url, cond, tab, query);
  try {
    const { firstChart: first } = await firstChart(page);
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    return first;
  } finally {
    await context.close();
  }
};

/// The row labels a page shows: the peers expose what their chart library drew as
/// `window.__rows`; ours is read from the chart's table twin (the same rows, src/ui).
const readRows = (page) => page.evaluate(() => window.__rows
  ?? [...document.querySelectorAll('table.twin tbody th')].map((t) => t.textContent.trim()));
/// The CSS size of the page's largest canvas or SVG (the chart).
const chartSize = (page) => page.evaluate(() => {
  const r = [...document.querySelectorAll('canvas, svg')].map((c) => c.getBoundingClientRect())
    .sort((a, b) => b.width * b.height - a.width * a.height)[0];
  return r ? [Math.round(r.width), Math.round(r.height)] : null;
});

const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});

/// One page, one condition, one tab, in a fresh context. `query`: extra URL parameters
/// (the peers' chart sizes); `recordSizes`: also read the chart size in every filter
/// state (the app, in the warm-up run).
const measure = async (browser, name, url, cond, tab, n, query = '', recordSizes = false) => {
  const { context, page, errors } = await open(browser, name, url, cond, tab, query);
  try {
    const first = await firstChart(page);
    // A static page's chart is there before the app: the rows are read once it has taken over.
    if (bare(name)) await page.waitForFunction(() => !document.getElementById('shell') && document.querySelector('table.twin tbody th'));
    // The pre-rendered peer's script names its rows once ECharts has taken over.
    if (name === SSR) await page.waitForFunction(() => window.__rows);
    const load = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const wasmRes = res.find((r) => r.name.endsWith('.wasm'));
      return {
        files: [new URL(nav.name).pathname, ...res.map((r) => new URL(r.name).pathname)],
        wasmFetch: wasmRes ? wasmRes.responseEnd - wasmRes.startTime : null,
        wasmInstantiate: (window.__wasm ?? []).reduce((s, w) => s + w.ms, 0) || null,
        wasmMemory: window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null,
        jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null,
      };
    });
    const check = { rows: await readRows(page), size: await chartSize(page) };
    check.sizes = { '': check.size };
    const list = [];
    for (let i = 0; i < n; i++) {
      const label = tab.toggles[Math.floor(i / 2) % tab.toggles.length];
      list.push(await timeChange(page, label));
      if (i === 0) {
        check.rowsChanged = await readRows(page);
        check.sizeChanged = await chartSize(page);
      }
      // Even changes turn `label` on (alone), odd ones turn it off again.
      if (recordSizes) check.sizes[i % 2 === 0 ? label : ''] = await chartSize(page);
    }
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    return { ...first, ...load, ...check, changes: list };
  } finally {
    await context.close();
  }
};

/// Fails loudly when a page shows other rows or another chart size than ours.
const compare = (ref, name, s, where) => {
  const diff = (a, b) => {
    const only = (x, y) => x.filter((r) => !y.includes(r));
    return `${name} has ${b.length} rows, ${OURS} ${a.length}; only in ${OURS}: [${only(a, b).join(', ')}]; `
      + `only in ${name}: [${only(b, a).join(', ')}]; ${name}: [${b.join(', ')}]`;
  };
  for (const [key, what] of [['rows', 'initial view'], ['rowsChanged', 'after the first filter change']]) {
    if (JSON.stringify(ref[key]) !== JSON.stringify(s[key])) {
      throw new Error(`row check failed (${where}, ${what}): ${diff(ref[key], s[key])}`);
    }
  }
  for (const key of ['size', 'sizeChanged']) {
    const [a, b] = [ref[key], s[key]];
    if (!a || !b || Math.abs(a[0] - b[0]) > 1 || Math.abs(a[1] - b[1]) > 1) {
      throw new Error(`chart size check failed (${where}, ${key}): ${OURS} ${a?.join('×')} CSS px, ${name} ${b?.join('×')}`);
    }
  }
};

/// The probe on a page of known behaviour: a canvas redrawn on a checkbox change right
/// away, in the next animation frame, 40 ms later (a timer), or after a 30 ms busy wait,
/// and an SVG chart changed right away. The immediate and next-frame redraws must mostly
/// make the next frame; the late ones must always miss it and take at least their delay.
const CHECK_PAGE = `<!doctype html><meta charset="utf-8"><body>
<label><input type="checkbox" id="a">now</label><label><input type="checkbox" id="b">raf</label>
<label><input type="checkbox" id="c">timer40</label><label><input type="checkbox" id="d">busy30</label>
<label><input type="checkbox" id="e">svg</label>
<canvas id="k" width="600" height="300"></canvas>
<svg width="600" height="100"><rect id="bar" x="0" y="0" width="10" height="100"/></svg><script>
const ctx = document.getElementById('k').getContext('2d');
const draw = () => { ctx.clearRect(0, 0, 600, 300); for (let i = 0; i < 40; i++) ctx.fillRect(i * 14, 300 - Math.random() * 300, 10, 300); };
a.onchange = draw;
b.onchange = () => requestAnimationFrame(draw);
c.onchange = () => setTimeout(draw, 40);
d.onchange = () => { const t = performance.now(); while (performance.now() - t < 30); draw(); };
e.onchange = () => document.getElementById('bar').setAttribute('width', String(10 + Math.random() * 590));
</script>`;
const selfCheck = async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('http://probe.check/', (r) => r.fulfill({ body: CHECK_PAGE, contentType: 'text/html' }));
  await installProbe(page);
  await page.goto('http://probe.check/');
  await page.waitForTimeout(300);
  const out = {};
  for (const label of ['now', 'raf', 'timer40', 'busy30', 'svg']) {
    const list = [];
    for (let i = 0; i < 12; i++) list.push(await timeChange(page, label));
    out[label] = summarize(list);
  }
  await context.close();
  const f = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, missed ${(100 * s.missed).toFixed(0)}%`;
  process.stderr.write(`bench: probe self-check: ${Object.entries(out).map(([k, s]) => `${k}: ${f(s)}`).join('; ')}\n`);
  const bad = [];
  if (out.now.missed > 0.34 || out.raf.missed > 0.34 || out.svg.missed > 0.34) bad.push('an immediate or next-frame redraw mostly missed the next frame');
  if (out.timer40.missed < 1 || out.timer40.median < 40) bad.push('a redraw 40 ms later was not seen as late');
  if (out.busy30.missed < 1 || out.busy30.median < 30) bad.push('a redraw after a 30 ms busy wait was not seen as late');
  if (bad.length) throw new Error(`probe self-check failed: ${bad.join('; ')}`);
  return out;
};

const browser = await launch();
const doc = { conditions: CONDITIONS, tabs: TABS, pages: pages.map(([n]) => n), runs, changes, samples: [] };
/// The app's chart size in each filter state, per condition and tab (from the warm-up).
const sizes = {};
doc.sizes = sizes;
const started = Date.now();
try {
  doc.selfCheck = await selfCheck(browser);
  for (let run = 0; run <= runs; run++) {
    const warmup = run === 0;
    const order = pages.map((_, i) => pages[(i + run) % pages.length]);
    for (const cond of CONDITIONS) {
      for (const tab of TABS) {
        const seen = {};
        const key = `${cond.id}/${tab.id}`;
        // The peers' chart gets the app's size in each filter state, as measured on the
        // app in the warm-up run (where it goes first).
        const queryOf = (name) => (name === OURS || bare(name) ? '' : Object.entries(sizes[key] ?? {})
          .map(([label, [w, h]]) => `&${encodeURIComponent(label ? `size.${label}` : 'size')}=${w}x${h}`).join(''));
        const tabOrder = order.filter(([name]) => onTab(name, tab));
        for (const [name, url] of tabOrder) {
          const query = queryOf(name);
          const s = await measure(browser, name, url, cond, tab, warmup ? WARMUP_CHANGES : changes, query, warmup && name === OURS);
          if (warmup && name === OURS) {
            sizes[key] = s.sizes;
            if (pages.some(([n]) => n === SSR)) writeSsr(cond, tab, s.sizes['']);
            process.stderr.write(`bench: ${cond.label} ${tab.label}: the app's chart (CSS px) ${Object.entries(s.sizes)
              .map(([l, [w, h]]) => `${l || 'no sector'} ${w}×${h}`).join(', ')}; every page gets these sizes\n`);
          }
          seen[name] = s;
          const sum = summarize(s.changes);
          process.stderr.write(`bench: ${warmup ? 'warm-up' : `run ${run}/${runs}`} ${cond.label} ${tab.label} ${name}: `
            + `first chart ${s.firstChart.toFixed(0)} ms, change median ${sum.median.toFixed(1)} ms, `
            + `p95 ${sum.p95.toFixed(1)} ms, missed ${(100 * sum.missed).toFixed(0)}%\n`);
          s.firstCharts = [s.firstChart];
          if (!warmup) doc.samples.push({ run, order: tabOrder.map(([n]) => n), cond: cond.id, tab: tab.id, page: name, ...s });
        }
        for (const [name] of tabOrder) {
          if (name !== OURS) compare(seen[OURS], name, seen[name], `${cond.label}, ${tab.label} tab, run ${run}`);
        }
        for (let k = 0; k < (warmup ? 0 : FIRST_CHART_LOADS); k++) {
          for (const [name, url] of tabOrder) {
            // The sample pushed above holds this same array.
            seen[name].firstCharts.push(await firstChartOnly(browser, name, url, cond, tab, queryOf(name)));
          }
        }
        if (!warmup) {
          process.stderr.write(`bench: run ${run}/${runs} ${cond.label} ${tab.label} first charts (ms): ${tabOrder
            .map(([name]) => `${name} ${seen[name].firstCharts.map((x) => x.toFixed(0)).join(' ')}`).join('; ')}\n`);
        }
      }
    }
  }
} finally {
  await browser.close();
}
doc.seconds = (Date.now() - started) / 1000;
fs.writeFileSync(out, JSON.stringify(doc));
process.stderr.write(`bench: measured in ${doc.seconds.toFixed(0)} s\n`);
