import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts-setup';

/** One ECharts instance bound to a div; resized with its box, disposed with the component. */
export function Chart({ option, testId, height = 260 }: { option: ChartOption; testId: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} className="wf-chart" data-testid={testId} style={{ height }} />;
}
