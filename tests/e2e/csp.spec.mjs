// The strict content policy: the served page and standalone.html work under their own
// policies with no violation in any mode, and neither policy carries a loophole.
import { test, expect, appReady, standaloneUrl, recordCsp } from './fixtures.mjs';
import fs from 'node:fs';
import path from 'node:path';

function policyOf(html) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  expect(meta, 'a CSP meta tag').not.toBeNull();
  return Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

function expectNoLoophole(policy) {
  const all = Object.values(policy).flat();
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'http:', 'https:', 'ws:', 'wss:']) {
    expect(all, `no ${bad}`).not.toContain(bad);
  }
  expect(all.filter((v) => /^(https?:)?\/\//.test(v) || /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(v)), 'no remote origins').toEqual([]);
  expect(policy['default-src']).toEqual(["'none'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['base-uri']).toEqual(["'none'"]);
  expect(policy['script-src']).toContain("'wasm-unsafe-eval'");
  expect(policy['script-src'].filter((v) => v !== "'wasm-unsafe-eval'" && v !== "'self'" && !v.startsWith("'sha256-"))).toEqual([]);
  expect(policy['style-src'].filter((v) => v !== "'self'" && !v.startsWith("'sha256-"))).toEqual([]);
}

test('the served policy and the standalone policy have no loophole', async ({ request }) => {
  const served = policyOf(await (await request.get('/')).text());
  expectNoLoophole(served);
  expect(served['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(served['style-src']).toEqual(["'self'"]);
  const standalone = policyOf(fs.readFileSync(path.join(process.env.DIST_DIR, 'standalone.html'), 'utf8'));
  expectNoLoophole(standalone);
  expect(standalone['script-src'].filter((v) => v.startsWith("'sha256-"))).toHaveLength(1);
  expect(standalone['script-src']).not.toContain("'self'");
  expect(standalone['style-src'].every((v) => v.startsWith("'sha256-"))).toBe(true);
});

/// Every mode and view, and the interactions that change the DOM the most.
async function tour(page, open) {
  const seen = [];
  const csp = await recordCsp(page);
  const step = async (what, act) => {
    await act();
    for (const v of await csp.all()) seen.push(`${what}: ${v}`);
  };
  for (const query of ['', '?lang=en', '?tab=levels', '?tab=figures&lang=en', '?tab=county&county=hongyuan', '?embed=1', '?embed=1&tab=figures&lang=en', '?embed=1&tab=county&county=hongyuan', '?bad=<img src=x onerror=alert(1)>']) {
    await step(query || '(default)', async () => {
      await open(query);
      await appReady(page);
    });
  }
  await step('interactions', async () => {
    await open('');
    await appReady(page);
    await page.getByRole('table', { name: '图表数据（表格）' }).getByRole('button').first().click();
    const chart = page.getByRole('img');
    await chart.hover({ position: { x: 200, y: 60 } });
    await chart.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('group', { name: '县（市）地图' }).getByRole('button').first().click();
    await page.getByRole('button', { name: '重置全部筛选' }).click();
    await page.getByRole('tab', { name: '总量对比' }).click();
    await page.getByRole('img').hover({ position: { x: 200, y: 60 } });
    await page.getByRole('tab', { name: '全部数字' }).click();
    await page.getByRole('button', { name: '上下文' }).first().click();
    await page.getByRole('button', { name: /数值/ }).click();
    await page.getByRole('tab', { name: '按县查看' }).click();
    await page.getByRole('combobox', { name: '选择县（市）' }).selectOption('hongyuan');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.emulateMedia({ colorScheme: 'dark' });
    // Hongyuan alone has no growth rows (the tab then draws no chart), so the filters go
    // before the growth chart is redrawn at phone size.
    await page.getByRole('button', { name: 'Reset all filters' }).click();
    await page.getByRole('tab', { name: 'Growth: 2023 vs 2024' }).click();
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(page.getByRole('img')).toBeVisible();
  });
  return seen;
}

test('the served site runs with no policy violation in any mode', async ({ page, watch }) => {
  test.setTimeout(60_000);
  const violations = await tour(page, (q) => page.goto('/' + q));
  expect(violations).toEqual([]);
});

test('the recorder does catch a violation (the policy is in force)', async ({ page }) => {
  const csp = await recordCsp(page);
  await page.goto('/');
  await appReady(page);
  await page.evaluate(() => { document.body.insertAdjacentHTML('beforeend', '<p style="color:red">probe</p>'); });
  await expect.poll(async () => (await csp.all()).length).toBeGreaterThan(0);
  expect((await csp.all())[0]).toMatch(/style-src/);
});

test('standalone.html runs from file:// with no violation of its hash policy', async ({ page, watch }) => {
  test.setTimeout(60_000);
  const violations = await tour(page, (q) => page.goto(standaloneUrl(q)));
  expect(violations).toEqual([]);
});
