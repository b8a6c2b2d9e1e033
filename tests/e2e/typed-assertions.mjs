// Counts the browser assertions that read facts typed from a report text, statically:
// `expect(…)` statements (up to their end) in the named specs that use a value from
// views.mjs (VIEWS, SECOND, ORACLE and the helpers over them, or a loop variable bound to
// them) or a string literal of four or more characters that is a piece of a report's text
// (seeds/000_41c047111ad46cae.txt, tests/fixtures/second-report/report.txt), so that
// interface words (tab names, table captions) do not count. A loop's statement counts once.
//   node tests/e2e/typed-assertions.mjs [spec …]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.env.SPEC_DIR ?? here;
const specs = process.argv.slice(2).length ? process.argv.slice(2)
  : ['explore', 'links', 'share', 'fuzz', 'second-report', 'perf', 'static-pages'].map((s) => `${s}.spec.mjs`);
// Names that hold typed facts in these specs (bound from views.mjs or from loops over it).
const typed = /\b(VIEWS|SECOND|ORACLE|growthWords|countLine|expectedH1|typedCount|typed|afterFirst|word|words|quote)\b|\b(p|a|c|s)\.(word|from|to|direction|count|zh|en|figures|mention_quotes_\w+|figure_quotes\w*|summary_\w+)\b/;
const root = path.join(here, '..', '..');
const texts = ['seeds/000_41c047111ad46cae.txt', 'tests/fixtures/second-report/report.txt'].map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
const fromReport = (stmt) => [...stmt.matchAll(/'([^'\n]{4,})'|`([^`$\n]{4,})`/g)].some((m) => texts.some((t) => t.includes(m[1] ?? m[2])));
let total = 0;
for (const spec of specs) {
  const lines = fs.readFileSync(path.join(dir, spec), 'utf8').split('\n');
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!/\bexpect(\.poll)?\(/.test(lines[i]) || /^\s*\/\//.test(lines[i])) continue;
    let stmt = lines[i];
    for (let j = i + 1; !/;\s*$/.test(stmt) && j < lines.length; j++) stmt += lines[j];
    if (typed.test(stmt) || fromReport(stmt)) n++;
  }
  console.log(`${spec}: ${n}`);
  total += n;
}
console.log(`total: ${total}`);
