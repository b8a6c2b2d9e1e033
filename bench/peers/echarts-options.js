// The ECharts options of both charts, as pure functions of the rows: shared by the
// ECharts page (canvas), the pre-rendered ECharts page in the browser (SVG), and
// bench/run.mjs, which renders that page's first chart in Node (ECharts' server-side
// rendering).
import { LEGEND_2023, LEGEND_2024, COLOR_2023, COLOR_2024 } from './palette.js';

export const growth = (rows) => ({
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
export const levels = (rows) => ({
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
