// Facts typed by hand from the report texts, never from the JSON the app reads nor from
// the app's filter: tests/fixtures/oracle.json (figures), tests/fixtures/views.json (what a
// view shows: chart rows by sector, summaries, counts, counties) and, for the fictional
// second report, tests/fixtures/second-views.json (from its report.txt).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const typed = (name) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));

export const VIEWS = typed('views.json');
export const ORACLE = typed('oracle.json');
export const SECOND = typed('second-views.json');

/// The words of the growth rows a sector shows, in the chart's order.
export const growthWords = (sector) => VIEWS.growth.order.words.filter((w) =>
  [...VIEWS.growth.pairs, ...VIEWS.growth.alone].some((r) => r.word === w && r.sector === sector));

/// "N / total 项数字符合条件" for a typed N (the total is the dataset's choice).
export const countLine = (n) => new RegExp(`^${n} / \\d+ ${VIEWS.figure_total_zh}$`);

/// A regular expression matching `word` literally.
export const literally = (word) => new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
