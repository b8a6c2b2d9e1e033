// What the two ECharts pages share: the chart on the page's box, drawn for the rows of
// the chosen sectors and redrawn on each change. `renderer` is the one the page
// registered ('canvas' or 'svg'); the box's children (a pre-rendered chart) are replaced
// in the same task as ECharts draws its own, so no frame shows an empty box.
import * as echarts from 'echarts/core';
import { TAB, visibleRows, sectorFilter, sizeChart, drawn } from './common.js';
import { growth, levels } from './echarts-options.js';

export const startEcharts = (renderer) => {
  const el = document.getElementById('chart');
  const option = TAB === 'levels' ? levels : growth;
  let rows = visibleRows(new Set());
  sizeChart(el, new Set(), rows.length);
  el.replaceChildren();
  const chart = echarts.init(el, null, { renderer });
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
};
