// The first filter changes after a page load, which run code the page has not run yet:
// for each URL (interleaved, N loads each, a fresh context each), the probe's latency of
// the first three changes (LABELS' first box on, off, on), as median and 90th percentile.
//
//   N=16 WAIT=300 LABELS=乡村振兴 node bench/first-changes.mjs URL [URL ...]
//
// Environment: N (loads per URL), WAIT (ms after the first chart before the first click),
// CPU and DPR as in bench/ab.mjs.
import { chromium } from '@playwright/test';
import { installProbe, firstChart, timeChange } from './measure.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const labels = (process.env.LABELS || '财政金融,综合经济').split(',');
const urls = process.argv.slice(2); const res = urls.map(() => [[], [], []]);
for (let r = 0; r < +(process.env.N || 12); r++) for (const [i, url] of urls.entries()) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: +(process.env.DPR || 1), locale: 'zh-CN' });
  const page = await ctx.newPage();
  if (process.env.CPU) { const c = await ctx.newCDPSession(page); await c.send('Emulation.setCPUThrottlingRate', { rate: +process.env.CPU }); }
  await installProbe(page); await page.goto(url); await firstChart(page); await page.waitForTimeout(+(process.env.WAIT || 300));
  for (let k = 0; k < 3; k++) res[i][k].push((await timeChange(page, labels[0])).latency);
  await ctx.close();
}
const q = (a, p) => { const s = a.slice().sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1); };
for (const [i, url] of urls.entries()) console.log(url, res[i].map((a, k) => `change${k + 1} median ${q(a, 0.5)} p90 ${q(a, 0.9)}`).join(' | '));
await browser.close();
