// The engine (one browser per worker), a fresh session per test, and the checks every test
// ends with: no uncaught error, no console error, no policy violation in the page.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine, probeProxy } from './session.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/// The two builds the suite runs on: Aba's and the second, fictional report's.
const SITES = {
  aba: { base: process.env.BASE_URL, report: 'reports/aba-2024' },
  second: { base: process.env.SECOND_BASE_URL, report: 'tests/fixtures/second-report' },
};

/// The specs' sites, as `test.describe` titles and `siteName` values.
export const SITE_NAMES = [['Aba', 'aba'], ['second report', 'second']];

export const test = base.extend({
  engine: ['firefox', { option: true, scope: 'worker' }],
  // Per test, not per worker: one worker (and one browser) serves both sites.
  siteName: ['aba', { option: true }],
  site: async ({ siteName }, use) => { await use(SITES[siteName].base); },
  report: async ({ siteName }, use) => { await use(SITES[siteName].report); },
  browserEngine: [async ({ engine }, use) => {
    const e = await startEngine(engine);
    await use(e);
    await e.stop();
  }, { scope: 'worker', timeout: 60_000 }],
  // The site behind the probe proxy (session.mjs): the page's own files, plus one
  // same-origin script that records errors and policy violations from the first line on.
  siteURL: async ({ site }, use) => {
    const proxy = await probeProxy(site);
    await use(proxy.url);
    await proxy.close();
  },
  manifest: async ({ report }, use) => {
    await use(JSON.parse(fs.readFileSync(path.join(root, report, 'manifest.json'), 'utf8')));
  },
  /// A new browser session (Firefox: a fresh browser context; WebKit: a new WebDriver
  /// session, i.e. a new MiniBrowser). Every session opened is checked for errors and
  /// policy violations at the end of the test.
  /// A session closed by the test (`await s.close()`, e.g. before opening the next one:
  /// WebKitWebDriver runs one at a time) is checked as it closes.
  open: async ({ browserEngine }, use) => {
    const open = new Set();
    const seen = { errors: [], csp: [] };
    const check = async (s) => {
      const found = await s.errors();
      seen.errors.push(...found.errors);
      seen.csp.push(...found.csp);
    };
    await use(async (opts) => {
      const s = await browserEngine.session(opts);
      open.add(s);
      // The engine's own close, kept once: a WebKit session handed on to the next test
      // must not wrap this test's wrapper (which would do nothing once this test is over,
      // and leave the session and its MiniBrowser running).
      s.release ??= s.close.bind(s);
      s.close = async () => {
        if (!open.delete(s)) return;
        await check(s);
        await s.release();
      };
      return s;
    });
    for (const s of [...open]) await s.close();
    expect(seen.errors, 'uncaught errors and console errors').toEqual([]);
    expect(seen.csp, 'Content-Security-Policy violations').toEqual([]);
  },
});

export { expect };

/// Polls `check` (an async function) until it returns a truthy value.
export async function until(check, message, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out: ${message} (last: ${last})`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/// The app has replaced the loading shell and the content is no longer busy.
export async function appReady(s) {
  await until(() => s.eval(() => !document.getElementById('shell')
    && document.querySelector('main') && document.querySelector('main').getAttribute('aria-busy') !== 'true'), 'the app to start');
}

/// Whether the chart canvas has been drawn on: some pixels differ from the first one.
export async function chartDrawn(s) {
  return s.eval(() => {
    const c = document.querySelector('canvas[role=img]');
    if (!c || c.width === 0) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < d.length; i += 4 * 7) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) inked++;
    return inked > 200;
  });
}

/// The query of the page's URL as an object.
export async function query(s) {
  return Object.fromEntries(new URL(await s.url()).searchParams);
}
