// The growth chart with ECharts, tree-shaken the way ECharts documents for bundlers
// (echarts/core + the one chart type, the components used and the canvas renderer).
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import {
  markDrawn, visibleRows, sectorFilter, LEGEND_2023, LEGEND_2024, COLOR_2023, COLOR_2024, rowHeight,
} from './common.js';

echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const el = document.getElementById('chart');
const sizeFor = (n) => { el.style.height = `${Math.max(n, 1) * rowHeight + 70}px`; };
const option = (rows) => ({
  animation: false, // the app does not animate; 'finished' then means "drawn"
  legend: { data: [LEGEND_2023, LEGEND_2024], top: 0 },
  tooltip: { trigger: 'item' },
  grid: { left: 8, right: 24, top: 32, bottom: 24, containLabel: true },
  xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
  yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
  series: [
    { name: LEGEND_2023, type: 'scatter', symbolSize: 10, itemStyle: { color: COLOR_2023 },
      data: rows.map((r) => r.v2023) },
    { name: LEGEND_2024, type: 'scatter', symbolSize: 12, symbol: 'diamond', itemStyle: { color: COLOR_2024 },
      data: rows.map((r) => r.v2024) },
  ],
});

let rows = visibleRows(new Set());
sizeFor(rows.length);
const chart = echarts.init(el, null, { renderer: 'canvas' });
chart.on('finished', markDrawn);
chart.setOption(option(rows));
sectorFilter((chosen) => {
  rows = visibleRows(chosen);
  sizeFor(rows.length);
  chart.resize();
  chart.setOption(option(rows), { replaceMerge: ['series'] });
});
