export { echarts, type ChartClick, type ChartOption } from '../../charts/echarts-setup';
