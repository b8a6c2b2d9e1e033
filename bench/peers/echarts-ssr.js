// The growth and levels charts with ECharts, pre-rendered: the page's HTML already holds
// the first chart as SVG (ECharts' server-side rendering, done by bench/run.mjs in Node
// at the app's chart size), painted before any script runs. This script then starts
// ECharts with its SVG renderer on the same box, as ECharts documents for pages it
// rendered on the server, and takes over (bench/peers/echarts-page.js).
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { startEcharts } from './echarts-page.js';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
startEcharts('svg');
