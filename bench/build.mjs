// Builds the peer pages into bench/dist/{echarts,vega,echarts-ssr}/ from the project's dataset
// (dist/data/report.json, written by `cargo xtask dist`): the same rows as the app's
// growth chart (one per growth comparison, then the 2024 targets alone) and levels chart
// (comparable level pairs, biggest planned change first), labelled as the app labels
// them, minified with esbuild as a newsroom would ship them.
// Usage: node bench/build.mjs [path/to/report.json]
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const reportPath = process.argv[2] ?? path.join(here, '..', 'dist', 'data', 'report.json');
const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));

/// src/state/rows.rs `compare_rows` with no filter: growth comparisons that compare,
/// 2024 growth targets no comparison pairs; larger 2023 pace first, then grouped
/// lower, equal, higher, alone (a stable sort, as in the app).
export const growthRows = (r) => {
  const byId = new Map(r.figures.map((f) => [f.id, f]));
  const pairs = r.comparisons
    .filter((c) => c.kind === 'growth' && c.direction !== 'not_comparable')
    .map((c) => ({ id: c.id, from: byId.get(c.from), to: byId.get(c.to), direction: c.direction }));
  const paired = new Set(r.comparisons.map((c) => c.to));
  const alone = r.figures
    .filter((f) => f.year === 2024 && f.metric === 'growth_pct' && !paired.has(f.id))
    .map((f) => ({ id: f.id, from: null, to: f, direction: null }));
  const rank = { lower: 0, equal: 1, higher: 2 };
  const rows = [...pairs, ...alone];
  const key = (x) => (x.from ?? x.to)?.value ?? -Infinity;
  rows.sort((a, b) => key(b) - key(a));
  rows.sort((a, b) => (rank[a.direction] ?? 3) - (rank[b.direction] ?? 3));
  return rows.map((x) => ({
    id: x.id,
    label: (x.to ?? x.from).indicator.zh, // src/ui/compare_view.rs row_label
    sectors: [...new Set([x.from?.sector, x.to?.sector].filter(Boolean))],
    v2023: x.from?.value ?? null,
    v2024: x.to?.value ?? null,
  }));
};

/// src/data/format.rs label_zh: qualifier sign, the number as the report writes it, unit.
const SIGN = { exact: '', about: '≈', at_least: '≥', at_most: '≤' };
const labelZh = (f) => {
  const digits = /^[0-9.]*$/.test(f.value_text) ? f.value_text : String(f.value);
  return `${SIGN[f.qualifier] ?? ''}${digits}${f.unit}`;
};

/// src/chart/layout.rs signed_pct.
const signedPct = (v) => {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  let num = a.toFixed(a >= 9.95 ? 0 : 1);
  if (num.includes('.')) num = num.replace(/0+$/, '').replace(/\.$/, '');
  if (num === '0') return '0%';
  return `${v < 0 ? '\u2212' : '+'}${num}%`;
};

/// src/state/rows.rs `level_rows` with no filter, as src/ui/levels_view.rs `chart_rows`
/// labels them: level comparisons with a change (comparable, 2023 value not zero),
/// biggest change first (a stable sort, as in the app).
export const levelRows = (r) => {
  const byId = new Map(r.figures.map((f) => [f.id, f]));
  const rows = r.comparisons
    .filter((c) => c.kind === 'level' && c.direction !== 'not_comparable')
    .map((c) => ({ id: c.id, from: byId.get(c.from), to: byId.get(c.to) }))
    .filter((x) => x.from && x.to && x.from.value !== 0)
    .map((x) => ({
      id: x.id,
      label: x.to.indicator.zh,
      sectors: [...new Set([x.from.sector, x.to.sector])],
      change: ((x.to.value - x.from.value) / x.from.value) * 100,
      text: `${labelZh(x.from)} \u2192 ${labelZh(x.to)} (${signedPct(((x.to.value - x.from.value) / x.from.value) * 100)})`,
    }));
  rows.sort((a, b) => b.change - a.change);
  return rows;
};

const data = { rows: growthRows(report), levels: levelRows(report), sectors: report.sectors.map(({ slug, zh }) => ({ slug, zh })) };
const dataPlugin = {
  name: 'bench-data',
  setup(b) {
    b.onResolve({ filter: /^bench-data$/ }, () => ({ path: 'bench-data', namespace: 'bench-data' }));
    b.onLoad({ filter: /.*/, namespace: 'bench-data' }, () => ({
      contents: JSON.stringify(data), loader: 'json',
    }));
  },
};

// echarts-ssr: its app.js, its page as a template (bench/run.mjs writes the first chart
// into it, at the app's chart size, once the warm-up has measured that size; each such
// page sits one folder down) and the rows it renders.
for (const peer of ['echarts', 'vega', 'echarts-ssr']) {
  const out = path.join(here, 'dist', peer);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [path.join(here, 'peers', `${peer}.js`)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: path.join(out, 'app.js'),
    plugins: [dataPlugin],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const html = fs.readFileSync(path.join(here, 'peers', 'index.html'), 'utf8').replace('__PEER__', peer);
  if (peer === 'echarts-ssr') {
    fs.writeFileSync(path.join(out, 'template.html'), html.replace('__APP__', '../app.js'));
    fs.writeFileSync(path.join(out, 'rows.json'), JSON.stringify(data));
  } else {
    fs.writeFileSync(path.join(out, 'index.html'), html.replace('__APP__', 'app.js').replace('__SSR__', ''));
  }
}
console.error(`bench: peers built from ${reportPath} (${data.rows.length} growth rows, ${data.levels.length} level rows)`);
