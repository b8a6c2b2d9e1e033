// The cross-engine suite: Firefox and WebKit from Debian's packages, driven through
// WebDriver (tests/engines/session.mjs), on Aba's build (BASE_URL) and on the second
// report's (SECOND_BASE_URL). Playwright's runner only schedules and reports the tests (its
// JSON report is what `cargo xtask test` counts, xtask/src/tally.rs); no Playwright browser
// is used. Each project is named by its engine, so the closing tally names the engine of
// every failure.
//
// What runs here and what runs on Chromium alone: see the head of app.spec.mjs.
import { defineConfig } from '@playwright/test';

const SITES = [
  { suffix: '', base: process.env.BASE_URL, report: 'reports/aba-2024' },
  { suffix: '-second', base: process.env.SECOND_BASE_URL, report: 'tests/fixtures/second-report' },
];

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  retries: 0,
  forbidOnly: true,
  // One worker per engine: a browser each, on the two cores.
  workers: 2,
  fullyParallel: false,
  outputDir: process.env.ENGINES_OUTPUT_DIR ?? './test-results',
  reporter: [['list'], ['json']],
  projects: ['firefox', 'webkit'].flatMap((engine) => SITES.map((site) => ({
    name: engine + site.suffix,
    // The text-fitting sweep is about the chart code, not the report: Aba's build only.
    testIgnore: site.suffix ? ['text-fit.spec.mjs'] : [],
    use: { engine, site: site.base, report: site.report },
  }))),
});
