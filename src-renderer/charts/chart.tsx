import { useEffect, useRef } from 'react';
import { echarts, type ChartClick, type ChartOption } from './echarts-setup';

/** One ECharts instance (SVG) bound to a div: resized with its box, disposed with the component;
 *  a click on a bar, point or slice goes to onPick (drill-down). */
export function Chart({ option, testId, className, onPick, height = 260 }: { option: ChartOption; testId: string; className: string; onPick?: (click: ChartClick) => void; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => pick.current?.(params as unknown as ChartClick));
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
  return <div ref={box} className={className} data-testid={testId} style={{ height }} />;
}
