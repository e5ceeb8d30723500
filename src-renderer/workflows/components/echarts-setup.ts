export { echarts, type ChartOption } from '../../charts/echarts-setup';
