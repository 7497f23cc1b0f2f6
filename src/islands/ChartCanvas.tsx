import { useEffect, useRef } from 'preact/hooks';

import type { SeriesChart } from './charts.ts';

interface Props {
  spec: SeriesChart;
  /** What the chart shows, for screen readers; its figures are in a table nearby. */
  label: string;
  size: 'radar' | 'bar' | 'projection';
  rows?: number;
}

/** A chart drawn once chart.js has loaded, in its own chunk; the page's tables carry the same figures. */
export function ChartCanvas({ spec, label, size, rows = 1 }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(spec);
  useEffect(() => {
    let live = true;
    void import('./charts.ts').then(({ drawChart }) => {
      if (live && canvas.current) drawChart(canvas.current, spec);
    });
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(
    () => () => {
      void import('./charts.ts').then(({ Chart }) => {
        if (canvas.current) Chart.getChart(canvas.current)?.destroy();
      });
    },
    [],
  );
  return (
    <div class={`chart chart--${size} chart--rows-${Math.min(rows, 12)}`}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
