// A quick interleaved A/B with the bench's probe (bench/measure.mjs), for trying a change
// before a full `cargo xtask bench`: each round loads every page in a fresh context (the
// order rotated), notes the first chart and times `changes` clicks on the sector boxes.
//
//   node bench/ab.mjs ROUNDS CHANGES name=URL [name=URL ...]
//
// Serve each build from its own copy of dist/ (for example `python3 -m http.server`).
// Environment: CPU (throttling rate, default 1), DPR (default 1), LABELS (the boxes,
// default 财政金融,综合经济; 乡村振兴,民生保障 for the levels tab), CSS_<name> (a style
// sheet injected into that page after its first chart, to try a CSS change by hand; CSP
// is bypassed for it). A peer page needs the chart sizes in its URL, as the bench gives
// them (`size=932x610&size.财政金融=932x106&...`). Prints medians and p95s pooled over the
// rounds, the medians of the changes that turn a box on and off, and for every page after
// the first a 95 % interval of its ratio to the first page (first chart, per-load change
// medians), by resampling loads.
import { chromium } from '@playwright/test';
import { installProbe, firstChart, timeChange, summarize, percentile, medianRatio } from './measure.mjs';
const [rounds, n, ...pages] = process.argv.slice(2);
const labels = (process.env.LABELS || '财政金融,综合经济').split(',');
const cpu = +(process.env.CPU || 1), dpr = +(process.env.DPR || 1);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const res = {}; const firsts = {};
for (let r = 0; r < +rounds; r++) {
  const order = pages.slice(r % pages.length).concat(pages.slice(0, r % pages.length));
  for (const p of order) {
    const [name, url] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: dpr, locale: 'zh-CN', bypassCSP: true });
    const page = await ctx.newPage();
    if (cpu !== 1) { const cdp = await ctx.newCDPSession(page); await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu }); }
    await installProbe(page);
    await page.goto(url);
    const fc = await firstChart(page);
    const css = process.env['CSS_' + name]; if (css) await page.addStyleTag({ content: css });
    await page.waitForTimeout(300);
    (firsts[name] ??= []).push(fc.firstChart);
    for (let i = 0; i < +n; i++) (res[name] ??= []).push(await timeChange(page, labels[Math.floor(i / 2) % labels.length]));
    await ctx.close();
  }
}
const base = pages[0].slice(0, pages[0].indexOf('='));
const perLoadOf = (name) => Array.from({ length: firsts[name].length }, (_, k) => percentile(res[name].slice(k * +n, (k + 1) * +n).map((c) => c.latency), 50));
for (const p of pages) {
  const name = p.slice(0, p.indexOf('='));
  const s = summarize(res[name]);
  const on = res[name].filter((_, i) => i % 2 === 0), off = res[name].filter((_, i) => i % 2 === 1);
  // Each load's own median change, for the interval (changes within a load are not independent).
  const perLoad = perLoadOf(name);
  const versus = name === base ? '' : `  vs ${base}: first ${medianRatio(firsts[base], firsts[name])}, change ${medianRatio(perLoadOf(base), perLoad)}`;
  console.log(name.padEnd(8), 'first', percentile(firsts[name], 50).toFixed(0).padStart(4), 'median', s.median.toFixed(1), 'p95', s.p95.toFixed(1), 'missed', (s.missed * 100).toFixed(0).padStart(3) + '%',
    'settled p95', s.settledP95.toFixed(1), 'settled missed', (s.settledMissed * 100).toFixed(0).padStart(3) + '%',
    ' on:', percentile(on.map((c) => c.latency), 50).toFixed(1), 'off:', percentile(off.map((c) => c.latency), 50).toFixed(1) + versus);
}
await browser.close();
