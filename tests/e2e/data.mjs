// The published dataset, read the way a user's spreadsheet would: tests compute what the
// page must show from it instead of hard-coding counts.
import fs from 'node:fs';
import path from 'node:path';

export const report = JSON.parse(fs.readFileSync(path.join(process.env.DIST_DIR, 'data', 'report.json'), 'utf8'));
export const figures = report.figures;
export const countyZh = (slug) => report.counties.find((c) => c.slug === slug).zh;
export const sectorZh = (slug) => report.sectors.find((s) => s.slug === slug).zh;
