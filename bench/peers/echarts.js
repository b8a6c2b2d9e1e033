// The growth and levels charts with ECharts, tree-shaken the way ECharts documents for
// bundlers (echarts/core + the chart types, the components used and the canvas renderer).
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { startEcharts } from './echarts-page.js';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
startEcharts('canvas');
