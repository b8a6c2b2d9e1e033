import { chromium } from '@playwright/test';
import { installProbe, firstChart } from './measure.mjs';
const base = process.argv[2];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const out = {};
for (let i = 0; i < 8; i++) {
  for (const path of ['zh/', 'zh/sector/economy/', 'en/sector/economy/']) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const p = await ctx.newPage();
    await installProbe(p);
    await p.goto(base + path);
    const { firstChart: f } = await firstChart(p);
    const fcp = await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    (out[path] ??= []).push([Math.round(f), Math.round(fcp)]);
    await ctx.close();
  }
}
await b.close();
for (const [k, v] of Object.entries(out)) {
  const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  console.log(k, 'first chart median', med(v.map((x) => x[0])), 'fcp median', med(v.map((x) => x[1])), JSON.stringify(v));
}
