// The growth and levels charts with ECharts, tree-shaken the way ECharts documents for
// bundlers (echarts/core + the chart types, the components used and the canvas renderer).
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import {
  TAB, visibleRows, sectorFilter, sizeChart, drawn, LEGEND_2023, LEGEND_2024, COLOR_2023, COLOR_2024,
} from './common.js';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const el = document.getElementById('chart');
const growth = (rows) => ({
  animation: false, // the app does not animate
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
// As src/chart/levels.rs: a bar from zero to the implied change, filled for an increase,
// outlined for a decrease, with "from → to (change)" beside its end.
const levels = (rows) => ({
  animation: false,
  tooltip: { trigger: 'item' },
  grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
  xAxis: { type: 'value', position: 'top', axisLabel: { formatter: '{value}%' } },
  yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLine: { onZero: true } },
  series: [{
    type: 'bar',
    barWidth: 12,
    data: rows.map((r) => ({
      value: r.change,
      itemStyle: r.change < 0
        ? { color: 'rgba(0,0,0,0)', borderColor: COLOR_2024, borderWidth: 1.5 }
        : { color: COLOR_2024 },
      label: { show: true, position: r.change < 0 ? 'left' : 'right', formatter: r.text, fontSize: 11.5 },
    })),
  }],
});
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
