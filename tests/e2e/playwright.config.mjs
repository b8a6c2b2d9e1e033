// The browser suite: Debian's Chromium driven by Playwright, against dist/ served by
// `cargo xtask test` (BASE_URL) and dist/standalone.html from file:// (DIST_DIR).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  timeout: 30_000,
  retries: 0,
  // A stray test.only would run one test and report the rest as nothing.
  forbidOnly: true,
  workers: 2,
  outputDir: './test-results',
  reporter: [['list'], ['json']],
  // The redraw-time budget runs after everything else, alone, so that the other worker's
  // tests do not compete with it for the two cores.
  projects: [
    { name: 'main', testIgnore: ['perf.spec.mjs', 'second-*.spec.mjs'] },
    // The fictional second report's build (SECOND_BASE_URL, SECOND_DIST_DIR).
    { name: 'second', testMatch: 'second-*.spec.mjs' },
    { name: 'perf', testMatch: 'perf.spec.mjs', dependencies: ['main'] },
  ],
  use: {
    baseURL: process.env.BASE_URL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    locale: 'zh-CN',
  },
});
