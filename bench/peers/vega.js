// The growth chart with Vega-Lite through vega-embed, the usual way to put one on a page:
// the Vega-Lite spec is compiled in the browser, drawn on canvas, and a filter change
// replaces the data set and awaits view.runAsync().
import embed from 'vega-embed';
import { changeset } from 'vega';
import {
  markDrawn, visibleRows, sectorFilter, LEGEND_2023, LEGEND_2024, COLOR_2023, COLOR_2024, rowHeight,
} from './common.js';

const points = (rows) => rows.flatMap((r, i) => [
  ...(r.v2023 == null ? [] : [{ order: i, label: r.label, year: LEGEND_2023, value: r.v2023 }]),
  ...(r.v2024 == null ? [] : [{ order: i, label: r.label, year: LEGEND_2024, value: r.v2024 }]),
]);

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 'container',
  height: { step: rowHeight },
  data: { name: 'points', values: points(visibleRows(new Set())) },
  mark: { type: 'point', filled: true, size: 90 },
  encoding: {
    y: { field: 'label', type: 'nominal', sort: { field: 'order' }, title: null },
    x: { field: 'value', type: 'quantitative', title: '%' },
    color: { field: 'year', type: 'nominal', title: null,
      scale: { domain: [LEGEND_2023, LEGEND_2024], range: [COLOR_2023, COLOR_2024] },
      legend: { orient: 'top' } },
    shape: { field: 'year', type: 'nominal', legend: null,
      scale: { domain: [LEGEND_2023, LEGEND_2024], range: ['circle', 'diamond'] } },
    tooltip: [{ field: 'label' }, { field: 'year' }, { field: 'value' }],
  },
};

const { view } = await embed('#chart', spec, { renderer: 'canvas', actions: false });
markDrawn();
sectorFilter(async (chosen) => {
  await view.change('points', changeset().remove(() => true).insert(points(visibleRows(chosen)))).runAsync();
  markDrawn();
});
