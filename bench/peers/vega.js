// The growth and levels charts with Vega-Lite through vega-embed, the usual way to put
// one on a page: the Vega-Lite spec is compiled in the browser, drawn on canvas, and a
// filter change replaces the data set, resizes the view and awaits view.runAsync().
import embed from 'vega-embed';
import { changeset } from 'vega';
import {
  TAB, visibleRows, sectorFilter, chartSize, sectorNames, drawn, LEGEND_2023, LEGEND_2024, COLOR_2023, COLOR_2024,
} from './common.js';

const points = TAB === 'levels'
  ? (rows) => rows.map((r, i) => ({ order: i, label: r.label, value: r.change, text: r.text, down: r.change < 0 }))
  : (rows) => rows.flatMap((r, i) => [
    ...(r.v2023 == null ? [] : [{ order: i, label: r.label, year: LEGEND_2023, value: r.v2023 }]),
    ...(r.v2024 == null ? [] : [{ order: i, label: r.label, year: LEGEND_2024, value: r.v2024 }]),
  ]);

const y = { field: 'label', type: 'nominal', sort: { field: 'order' }, title: null };
const growth = {
  mark: { type: 'point', filled: true, size: 90 },
  encoding: {
    y,
    x: { field: 'value', type: 'quantitative', title: '%' },
    color: { field: 'year', type: 'nominal', title: null,
      scale: { domain: [LEGEND_2023, LEGEND_2024], range: [COLOR_2023, COLOR_2024] },
      legend: { orient: 'top' } },
    shape: { field: 'year', type: 'nominal', legend: null,
      scale: { domain: [LEGEND_2023, LEGEND_2024], range: ['circle', 'diamond'] } },
    tooltip: [{ field: 'label' }, { field: 'year' }, { field: 'value' }],
  },
};
// As src/chart/levels.rs: a bar from zero to the implied change, filled for an increase,
// outlined for a decrease, with "from → to (change)" beside its end.
const levels = {
  encoding: { y, x: { field: 'value', type: 'quantitative', title: '%', axis: { orient: 'top' } } },
  layer: [
    { mark: { type: 'bar', size: 12, strokeWidth: 1.5, stroke: COLOR_2024 },
      encoding: { fill: { condition: { test: 'datum.down', value: 'transparent' }, value: COLOR_2024 },
        tooltip: [{ field: 'label' }, { field: 'text' }] } },
    { mark: { type: 'text', fontSize: 11.5, dx: 5 },
      encoding: { text: { field: 'text' },
        align: { condition: { test: 'datum.down', value: 'right' }, value: 'left' },
        dx: { condition: { test: 'datum.down', value: -5 }, value: 5 } } },
  ],
};

const first = visibleRows(new Set());
const [width, height] = chartSize(new Set(), sectorNames, first.length);
const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width,
  height,
  autosize: { type: 'fit', contains: 'padding' },
  data: { name: 'points', values: points(first) },
  ...(TAB === 'levels' ? levels : growth),
};

const { view } = await embed('#chart', spec, { renderer: 'canvas', actions: false });
drawn(view.scale('y').domain());
sectorFilter(async (chosen) => {
  const rows = visibleRows(chosen);
  const [w, h] = chartSize(chosen, sectorNames, rows.length);
  await view.change('points', changeset().remove(() => true).insert(points(rows)))
    .width(w).height(h).runAsync();
  drawn(view.scale('y').domain());
});
