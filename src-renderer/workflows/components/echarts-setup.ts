// Apache ECharts, only the parts the statistics use (tree-shaken: core + bar/pie + four
// components + the SVG renderer). ECharts builds no code at run time, so it works under the
// renderer's CSP without 'unsafe-eval'; SVG keeps charts crisp and needs no canvas.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { echarts };
export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];
