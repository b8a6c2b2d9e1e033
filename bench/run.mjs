// Measures the three pages in Debian's headless Chromium, interleaved (ours, echarts,
// vega, ours, ...) so machine noise falls on all of them alike. Run by `cargo xtask bench`:
//   node bench/run.mjs <out.json> <runs> <changes> name=url ...
// Each sample is a fresh browser context (empty cache). Writes every raw sample as JSON.
import { chromium } from '@playwright/test';
import fs from 'node:fs';

const [out, runsArg, changesArg, ...pageArgs] = process.argv.slice(2);
const runs = Number(runsArg);
const changes = Number(changesArg);
const pages = pageArgs.map((a) => { const i = a.indexOf('='); return [a.slice(0, i), a.slice(i + 1)]; });
/// The labels of the two sector checkboxes toggled in turn (both change the growth chart).
const TOGGLE = ['财政金融', '综合经济'];

// Before any page script: time WebAssembly compile+instantiate around the glue's calls and
// keep the instance's memory, without touching the app.
const instrument = () => {
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

/// In the page: waits for the first chart, then toggles sector checkboxes `n` times,
/// timing each from just before the click to the next "redraw" mark.
const inPage = async ({ n, labels }) => {
  const nextMark = (name, timeoutMs) => new Promise((resolve) => {
    const timer = setTimeout(() => { obs.disconnect(); resolve(null); }, timeoutMs);
    const obs = new PerformanceObserver((list) => {
      const e = list.getEntries().find((x) => x.name === name);
      if (e) { clearTimeout(timer); obs.disconnect(); resolve(e); }
    });
    obs.observe({ type: 'mark' });
  });
  const boxFor = (label) => [...document.querySelectorAll('label')]
    .find((l) => l.textContent.trim() === label)?.querySelector('input[type=checkbox]');
  const times = [];
  for (let i = 0; i < n; i++) {
    const box = boxFor(labels[Math.floor(i / 2) % labels.length]);
    if (!box) throw new Error(`no checkbox labelled ${labels[Math.floor(i / 2) % labels.length]}`);
    const wait = nextMark('redraw', 5000);
    const t0 = performance.now();
    box.click();
    const mark = await wait;
    if (!mark) throw new Error('no redraw within 5 s of a filter change');
    times.push(mark.startTime - t0);
    // Let the frame settle so the next change starts from an idle page.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return times;
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'],
});
const samples = Object.fromEntries(pages.map(([name]) => [name, []]));
try {
  for (let run = 0; run < runs; run++) {
    for (const [name, url] of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript(instrument);
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('first-chart').length > 0, null, { timeout: 30_000 });
      // Quiet moment, then the load figures.
      await page.waitForTimeout(300);
      const load = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource');
        const wasmRes = res.find((r) => r.name.endsWith('.wasm'));
        return {
          firstChart: performance.getEntriesByName('first-chart')[0].startTime,
          domContentLoaded: nav.domContentLoadedEventEnd,
          files: [new URL(nav.name).pathname, ...res.map((r) => new URL(r.name).pathname)],
          wasmFetch: wasmRes ? wasmRes.responseEnd - wasmRes.startTime : null,
          wasmInstantiate: (window.__wasm ?? []).reduce((s, w) => s + w.ms, 0) || null,
          wasmMemory: window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : null,
          jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null,
        };
      });
      const filter = await page.evaluate(inPage, { n: changes, labels: TOGGLE });
      if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
      samples[name].push({ ...load, filter });
      await context.close();
      process.stderr.write(`bench: run ${run + 1}/${runs} ${name}: first chart ${load.firstChart.toFixed(0)} ms\n`);
    }
  }
} finally {
  await browser.close();
}
fs.writeFileSync(out, JSON.stringify(samples, null, 1));
