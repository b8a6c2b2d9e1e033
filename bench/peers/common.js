// What both peer pages share: the rows (from the project's dataset, inlined at build
// time), the tab (from the URL, as the app's ?tab=compare / ?tab=levels), the sector
// checkboxes with the app's filter rule, and the chart's CSS size, the app's.
import { rows as growthRows, levels as levelRows, sectors } from 'bench-data';

/// `?tab=levels` shows the levels chart, anything else the growth chart (src/state/codec.rs).
export const TAB = new URLSearchParams(location.search).get('tab') === 'levels' ? 'levels' : 'compare';
const allRows = TAB === 'levels' ? levelRows : growthRows;

/// The chart's CSS size is the app's: its canvas is 932 CSS px wide in a 1280 px wide
/// viewport (measured: bench/run.mjs checks every page's chart size and fails on a
/// difference), and as tall as src/chart/layout.rs `compare_height_css` /
/// `levels_height_css` make it for the number of rows.
export const CHART_WIDTH = 932;
export const chartHeight = (n) => (TAB === 'levels'
  ? 8 + 22 + 30 * n + 8 // PAD_TOP + AXIS + LEVEL_ROW × rows + PAD_BOTTOM
  : 8 + 26 + 22 + 34 * n + 8); // PAD_TOP + LEGEND + AXIS + ROW × rows + PAD_BOTTOM

/// Sizes the chart container for `n` rows.
export const sizeChart = (el, n) => {
  el.style.width = `${CHART_WIDTH}px`;
  el.style.height = `${chartHeight(n)}px`;
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

export const LEGEND_2023 = '2023年完成';
export const LEGEND_2024 = '2024年目标';
export const COLOR_2023 = '#6b7280';
export const COLOR_2024 = '#c2410c';
