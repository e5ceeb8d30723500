// Apache ECharts for the supervisor's dashboards: only the charts and components used, the SVG
// renderer (no canvas, no run-time code generation: fine under the CSP without 'unsafe-eval').
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };
export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];
export interface ChartClick { seriesName?: string; seriesId?: string; name: string; dataIndex: number; data?: unknown }
