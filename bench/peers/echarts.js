// The growth and levels charts with ECharts, tree-shaken the way ECharts documents for
// bundlers (echarts/core + the chart types, the components used and the canvas renderer).
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { TAB, visibleRows, sectorFilter, sizeChart, drawn } from './common.js';
import { growth, levels } from './echarts-options.js';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const el = document.getElementById('chart');
const option = TAB === 'levels' ? levels : growth;

let rows = visibleRows(new Set());
sizeChart(el, new Set(), rows.length);
const chart = echarts.init(el, null, { renderer: 'canvas' });
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
