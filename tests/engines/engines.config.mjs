// The cross-engine suite: Firefox and WebKit from Debian's packages, driven through
// WebDriver (tests/engines/session.mjs), on Aba's build (BASE_URL) and on the second
// report's (SECOND_BASE_URL; each spec says which it runs on, fixtures.mjs). Playwright's
// runner only schedules and reports the tests (its JSON report is what `cargo xtask test`
// counts, xtask/src/tally.rs); no Playwright browser is used. One project per engine, so
// the closing tally names the engine of every failure.
//
// One worker per engine: a browser each, on the two cores. WebKit must have exactly one:
// WebKitWebDriver runs one automation session at a time, and two WebKit workers (as the
// first version of this suite had, one per site) refused each other's sessions now and then
// in a full run ("Maximum number of active sessions"). Its tests now run one after another
// in one worker, which keeps one driver and hands its one session from test to test.
//
// What runs here and what runs on Chromium alone: see the head of app.spec.mjs.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  retries: 0,
  forbidOnly: true,
  workers: 2,
  fullyParallel: false,
  outputDir: process.env.ENGINES_OUTPUT_DIR ?? './test-results',
  reporter: [['list'], ['json']],
  projects: ['firefox', 'webkit'].map((engine) => ({
    name: engine,
    workers: 1,
    use: { engine },
  })),
});
