// The ECharts the pages use, and nothing else: `tiendo assets` bundles this file with esbuild
// into static/vendor/echarts.min.js (about a third of the whole library). A chart type or
// component used in static/js/charts.js must be listed here.
import * as echarts from "echarts/core";
import {BarChart, HeatmapChart, LineChart, PieChart} from "echarts/charts";
import {GridComponent, LegendComponent, MarkLineComponent, TooltipComponent} from "echarts/components";
import {SVGRenderer} from "echarts/renderers";

echarts.use([BarChart, HeatmapChart, LineChart, PieChart, GridComponent, LegendComponent,
  MarkLineComponent, TooltipComponent, SVGRenderer]);
window.echarts = echarts;
