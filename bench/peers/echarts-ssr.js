// The growth and levels charts with ECharts, pre-rendered: the page's HTML already holds
// the first chart as SVG (ECharts' server-side rendering, done by bench/run.mjs in Node
// at the app's chart size), painted before any script runs. This script then starts
// ECharts with its SVG renderer on the same box, as ECharts documents for pages it
// rendered on the server, and takes over: the pre-rendered SVG is replaced in the same
// task as ECharts draws its own, so no frame shows an empty box.
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { TAB, visibleRows, sectorFilter, sizeChart, drawn } from './common.js';
import { growth, levels } from './echarts-options.js';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const el = document.getElementById('chart');
const option = TAB === 'levels' ? levels : growth;

let rows = visibleRows(new Set());
sizeChart(el, new Set(), rows.length);
el.replaceChildren();
const chart = echarts.init(el, null, { renderer: 'svg' });
const show = () => {
  chart.setOption(option(rows), { replaceMerge: ['series'] });
  drawn(chart.getOption().yAxis[0].data);
};
show();
sectorFilter((chosen) => {
  rows = visibleRows(chosen);
  sizeChart(el, chosen, rows.length);
  chart.resize();
  show();
});
