// A `page` that records what a user would never want to see: console errors, uncaught
// exceptions, failed requests and any request leaving the page's own origin. Every test
// that uses it fails if any of these happened.
import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const standaloneUrl = (query = '') =>
  pathToFileURL(path.join(process.env.DIST_DIR, 'standalone.html')).href + query;

export const test = base.extend({
  watch: async ({ page, baseURL }, use) => {
    const seen = { consoleErrors: [], pageErrors: [], failed: [], foreign: [], requests: [] };
    const origins = new Set([new URL(baseURL).origin]);
    const observe = (p) => {
      p.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
      p.on('pageerror', (e) => seen.pageErrors.push(String(e)));
      p.on('requestfailed', (r) => seen.failed.push(`${r.url()} ${r.failure()?.errorText}`));
      p.on('response', (r) => { if (r.status() >= 400) seen.failed.push(`${r.url()} ${r.status()}`); });
      p.on('request', (r) => {
        const url = r.url();
        seen.requests.push(url);
        const local = [...origins].some((o) => url.startsWith(o)) || url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:');
        if (!local) seen.foreign.push(url);
      });
    };
    observe(page);
    /// Watches another page too: one of a context the test made itself (a phone, DPR 2).
    seen.add = (p) => { observe(p); return p; };
    /// Watches every page a context opens, from now on.
    seen.addContext = (context) => { context.on('page', observe); return context; };
    /// Another origin the test serves on purpose (a host page of an embed).
    seen.allowOrigin = (origin) => origins.add(new URL(origin).origin);
    await use(seen);
    expect(seen.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(seen.consoleErrors, 'console errors').toEqual([]);
    expect(seen.failed, 'failed requests').toEqual([]);
    expect(seen.foreign, 'requests to other origins').toEqual([]);
  },
});

export { expect };

/// Waits until the app has replaced the loading shell.
export async function appReady(page) {
  await expect(page.locator('#shell')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('main')).toBeVisible();
  // The chart is drawn first; the rest of the page (filters, the chart's table, the share
  // panel) follows a task later, and the content says it is busy until then.
  await expect(page.getByRole('main')).not.toHaveAttribute('aria-busy', 'true');
}

/// Records Content-Security-Policy violations from the first script on: the DOM event
/// into `window.__cspViolations`, and any console message that names the policy.
export async function recordCsp(page) {
  const messages = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) messages.push(m.text()); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return {
    /// Every violation so far: the page's own record plus the console's.
    all: async () => [...(await page.evaluate(() => window.__cspViolations ?? [])), ...messages],
  };
}
