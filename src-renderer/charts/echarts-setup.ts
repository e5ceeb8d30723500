// Apache ECharts, only the charts and components the statistics and dashboards use (tree-shaken:
// core + bar/line/pie/funnel + five components + the SVG renderer). ECharts builds no code at run
// time, so it works under the renderer's CSP without 'unsafe-eval'; SVG needs no canvas.
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { echarts };
export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];
export interface ChartClick { seriesName?: string; seriesId?: string; name: string; dataIndex: number; data?: unknown }
