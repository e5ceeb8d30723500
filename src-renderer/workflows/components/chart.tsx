import { Chart as BaseChart } from '../../charts/chart';
import type { ChartOption } from '../../charts/echarts-setup';

export function Chart({ option, testId, height }: { option: ChartOption; testId: string; height?: number }) {
  return <BaseChart option={option} testId={testId} height={height} className="wf-chart" />;
}
