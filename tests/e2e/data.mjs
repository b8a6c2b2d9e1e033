// The dataset under test (reports/aba-2024/*.json), never dist/data/report.json or any other
// file the code under test writes. Expectations computed from it re-implement the app's
// rules over the same files, so a figure filed under the wrong sector, year or county would
// pass them: they stand only beside facts typed from the report text (views.mjs, which
// reads tests/fixtures/views.json and oracle.json), never alone.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = (name) => JSON.parse(fs.readFileSync(path.join(root, 'reports', 'aba-2024', name), 'utf8'));

const taxonomy = source('manifest.json');
export const figures = source('figures.json');
export const report = {
  figures,
  mentions: source('mentions.json'),
  comparisons: source('comparisons.json'),
  sectors: taxonomy.sectors,
  counties: taxonomy.counties,
};
export const countyZh = (slug) => report.counties.find((c) => c.slug === slug).zh;
export const sectorZh = (slug) => report.sectors.find((s) => s.slug === slug).zh;
