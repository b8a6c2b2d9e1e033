// What the page must show, taken from the hand-reviewed source data (reports/aba-2024/*.json,
// typed by people from the report), never from dist/data/report.json or any other file the
// code under test writes. Single facts are literals typed from the report (see the tests)
// or come from the hand-typed oracle, tests/fixtures/oracle.json.
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
