import { Chart } from '../../charts/chart';
import type { ChartClick, ChartOption } from '../../charts/echarts-setup';

export function SvChart({ option, testId, onPick, height }: { option: ChartOption; testId: string; onPick?: (click: ChartClick) => void; height?: number }) {
  return <Chart option={option} testId={testId} onPick={onPick} height={height} className="sv-chart" />;
}
