// What both peer pages share: the rows (from the project's dataset, inlined at build
// time), the sector checkboxes, the filter, and the performance marks the app also sets.
import { rows as allRows, sectors } from 'bench-data';

let drawn = false;
/// "first-chart" the first time, "redraw" after every later draw (as src/ui/chart_canvas.rs).
export const markDrawn = () => {
  performance.mark(drawn ? 'redraw' : 'first-chart');
  drawn = true;
};

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
export const rowHeight = 28;
