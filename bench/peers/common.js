// What both peer pages share: the rows (from the project's dataset, inlined at build
// time), the tab (from the URL, as the app's ?tab=compare / ?tab=levels), the sector
// checkboxes with the app's filter rule, and the chart's CSS size, the app's.
import { rows as growthRows, levels as levelRows, sectors } from 'bench-data';

/// `?tab=levels` shows the levels chart, anything else the growth chart (src/state/codec.rs).
export const TAB = new URLSearchParams(location.search).get('tab') === 'levels' ? 'levels' : 'compare';
const allRows = TAB === 'levels' ? levelRows : growthRows;

/// The chart's CSS size is the app's, measured: bench/run.mjs reads the app's chart canvas
/// size in each filter state it uses (in the warm-up run, where the app goes first) and
/// passes it in the URL: `size=932x610` for no sector chosen, `size.财政金融=932x106` with
/// that one sector chosen. The fallback (a page opened by hand) is the app's rule without
/// its extra room for stacked marks: 932 CSS px wide (the app's canvas in a 1280 px
/// viewport), 64 + 34 × rows (growth) or 38 + 30 × rows (levels) tall
/// (src/chart/layout.rs). The bench checks every page's chart size against the app's.
const params = new URLSearchParams(location.search);
const measured = (key) => params.get(key)?.split('x').map(Number);
export const chartSize = (chosen, names, n) => {
  const key = chosen.size === 0 ? 'size' : chosen.size === 1 ? `size.${names.get([...chosen][0])}` : null;
  const fallback = [932, TAB === 'levels' ? 8 + 22 + 30 * n + 8 : 8 + 26 + 22 + 34 * n + 8];
  return (key && measured(key)) || fallback;
};
/// Sector slug → the Chinese name on its checkbox.
export const sectorNames = new Map(sectors.map((s) => [s.slug, s.zh]));

/// Sizes the chart container for the chosen sectors and `n` rows; returns [width, height].
export const sizeChart = (el, chosen, n) => {
  const [w, h] = chartSize(chosen, sectorNames, n);
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
  return [w, h];
};

/// After each draw: the row labels the chart library holds (what it drew), for the
/// bench's check that every page shows the same rows.
export const drawn = (labels) => { window.__rows = [...labels]; };

/// The app's rule: a row stays when either of its figures is in a chosen sector.
export const visibleRows = (chosen) =>
  chosen.size === 0 ? allRows : allRows.filter((r) => r.sectors.some((s) => chosen.has(s)));

/// Renders the sector checkboxes; calls `onChange(chosenSet)` after each toggle.
export const sectorFilter = (onChange) => {
  const box = document.getElementById('sectors');
  const chosen = new Set();
  for (const s of sectors) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.addEventListener('change', () => {
      if (input.checked) chosen.add(s.slug);
      else chosen.delete(s.slug);
      onChange(chosen);
    });
    label.append(input, s.zh);
    box.append(label);
  }
  return chosen;
};

export { LEGEND_2023, LEGEND_2024, COLOR_2023, COLOR_2024 } from './palette.js';
