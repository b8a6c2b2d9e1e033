// Every browser test runs under the `watch` fixture (fixtures.mjs: a console error, an
// uncaught exception, a failed request or a request to another origin fails it), except
// the ones below, each with the reason. This spec reads the specs' source and fails on a
// test that takes no `watch` and is not listed, or on a listed one that no longer exists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.mjs';

const EXCEPTIONS = {
  'csp.spec.mjs': {
    'the served policy and the standalone policy have no loophole': 'no page: it reads the policies with the request API',
    'the recorder does catch a violation (the policy is in force)': 'it causes a policy violation on purpose, which Chromium reports as a console error',
  },
  'fatal.spec.mjs': {
    'a page without the mount point shows the error box with the reason, the reload link and the view link': 'the failure is the subject: the app reports it as a console error',
    'a panic while the app renders shows the error box with the view link': 'a planted panic: an uncaught exception on purpose',
    'a wasm that cannot load also leaves the view link in the error box': 'a planted failed request for the wasm',
  },
  'shell.spec.mjs': {
    'the wasm is served as application/wasm': 'no page: the request API',
    'a wasm that cannot load shows a visible error, not a blank page': 'a planted failed request for the wasm',
    'the no-script message names what the page needs and links the data': 'no page: the request API',
  },
  'second-report.spec.mjs': {
    'no file of the build names Aba or its years': 'no page: it reads the built files',
    'a crawl of the second build from every page finds every page and asset they name, and no 404': 'no page: the request API, and any status but 200 fails it',
  },
  'static-pages.spec.mjs': {
    'there is a page per language, sector and county': 'no page: it reads the built folders',
    'a crawl of the built site from every page finds every page and asset they name, and no 404': 'no page: the request API, and any status but 200 fails it',
  },
  'watched.spec.mjs': {
    'every browser test runs under watch, or is listed here with its reason': 'no page: it reads the specs',
  },
};

const dir = path.dirname(fileURLToPath(import.meta.url));

/// The tests of a spec that take no `watch`: the literal start of each title.
function unwatched(file) {
  const source = fs.readFileSync(path.join(dir, file), 'utf8');
  const found = [];
  for (const m of source.matchAll(/^\s*test\((['`])((?:\\.|(?!\1).)*)\1,\s*async\s*\((?:\{([^}]*)\})?\)/gm)) {
    if (!/\bwatch\b/.test(m[3] ?? '')) found.push(m[2].replace(/\\'/g, "'").split('${')[0]);
  }
  return found;
}

test('every browser test runs under watch, or is listed here with its reason', async () => {
  const specs = fs.readdirSync(dir).filter((f) => f.endsWith('.spec.mjs'));
  const missing = [];
  const stale = [];
  for (const file of specs) {
    const listed = EXCEPTIONS[file] ?? {};
    const found = unwatched(file);
    for (const title of found) if (!(title in listed)) missing.push(`${file}: ${title}`);
    for (const title of Object.keys(listed)) if (!found.includes(title)) stale.push(`${file}: ${title}`);
  }
  for (const file of Object.keys(EXCEPTIONS)) if (!specs.includes(file)) stale.push(`${file} (no such spec)`);
  expect(missing, 'tests without watch and not listed').toEqual([]);
  expect(stale, 'listed exceptions that are not (or no longer) tests without watch').toEqual([]);
  // The scan sees the suite: it found tests in every spec, and the listed ones.
  for (const file of specs) expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).toMatch(/^\s*test\(/m);
});
