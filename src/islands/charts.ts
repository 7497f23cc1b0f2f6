/**
 * chart.js, with only what Cairn draws registered, once. This module is
 * loaded on demand, in its own chunk, by the pages that show a chart.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  RadarController,
  RadialLinearScale,
  PointElement,
  LineElement,
  Filler,
  Tooltip,
  Legend,
);

// Dark teal against orange: told apart with any colour vision, and as dark against mid grey on paper.
export const PALETTE = {
  current: '#0f4c5c',
  currentFill: 'rgba(15, 76, 92, 0.22)',
  target: '#c2410c',
  grid: '#d6dbe1',
  ink: '#1d2733',
};

export interface SeriesChart {
  kind: 'radar' | 'bar' | 'projection';
  /** For `projection`: one bar series per moment (now, after each phase), lightest first. */
  series?: { label: string; data: (number | null)[] }[];
  labels: string[];
  current: (number | null)[];
  target: (number | null)[];
  min: number;
  max: number;
  currentLabel: string;
  targetLabel: string;
  locale: string;
}

/** Long area names on several short lines, so the radar keeps its size. */
function wrap(label: string, width = 18): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function configOf(spec: SeriesChart): ChartConfiguration {
  const common = {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    // Sharp on paper as on screen.
    devicePixelRatio: Math.max(2, globalThis.devicePixelRatio ?? 1),
    locale: spec.locale,
    plugins: {
      legend: { labels: { color: PALETTE.ink, font: { size: 13 } } },
    },
  };
  if (spec.kind === 'radar')
    return {
      type: 'radar',
      data: {
        labels: spec.labels.map((label) => wrap(label)),
        datasets: [
          {
            label: spec.currentLabel,
            data: spec.current,
            borderColor: PALETTE.current,
            backgroundColor: PALETTE.currentFill,
            pointBackgroundColor: PALETTE.current,
            borderWidth: 2.5,
            fill: true,
          },
          {
            label: spec.targetLabel,
            data: spec.target,
            borderColor: PALETTE.target,
            backgroundColor: 'transparent',
            pointBackgroundColor: PALETTE.target,
            pointStyle: 'rectRot',
            borderDash: [6, 4],
            borderWidth: 2,
            fill: false,
          },
        ],
      },
      options: {
        ...common,
        scales: {
          r: {
            min: spec.min,
            max: spec.max,
            ticks: { stepSize: 1, color: PALETTE.ink, backdropColor: 'transparent' },
            grid: { color: PALETTE.grid },
            angleLines: { color: PALETTE.grid },
            pointLabels: { color: PALETTE.ink, font: { size: 12 } },
          },
        },
      },
    };
  if (spec.kind === 'projection') {
    const series = spec.series ?? [];
    // One hue, light to dark: ordered in colour and in grey alike.
    const shade = (index: number) => {
      const t = series.length > 1 ? index / (series.length - 1) : 1;
      const light = [179, 202, 216];
      const dark = [15, 76, 92];
      const mix = light.map((value, channel) => Math.round(value + (dark[channel]! - value) * t));
      return `rgb(${mix.join(', ')})`;
    };
    return {
      type: 'bar',
      data: {
        labels: spec.labels.map((label) => wrap(label, 14)),
        datasets: [
          ...series.map((entry, index) => ({
            label: entry.label,
            data: entry.data,
            backgroundColor: shade(index),
            borderColor: PALETTE.current,
            borderWidth: 1,
            base: spec.min,
          })),
          {
            label: spec.targetLabel,
            data: spec.target,
            backgroundColor: 'transparent',
            borderColor: PALETTE.target,
            borderWidth: 2,
            base: spec.min,
          },
        ],
      },
      options: {
        ...common,
        scales: {
          y: {
            min: spec.min,
            max: spec.max,
            ticks: { stepSize: 1, color: PALETTE.ink },
            grid: { color: PALETTE.grid },
          },
          x: { ticks: { color: PALETTE.ink, autoSkip: false, maxRotation: 0 } },
        },
      },
    };
  }
  return {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: [
        {
          label: spec.currentLabel,
          data: spec.current,
          backgroundColor: PALETTE.current,
          borderColor: PALETTE.current,
          borderWidth: 1,
          base: spec.min,
        },
        {
          label: spec.targetLabel,
          data: spec.target,
          backgroundColor: 'transparent',
          borderColor: PALETTE.target,
          borderWidth: 2,
          base: spec.min,
        },
      ],
    },
    options: {
      ...common,
      indexAxis: 'y',
      scales: {
        x: {
          min: spec.min,
          max: spec.max,
          ticks: { stepSize: 1, color: PALETTE.ink },
          grid: { color: PALETTE.grid },
        },
        y: { ticks: { color: PALETTE.ink, autoSkip: false } },
      },
    },
  };
}

/** Draws a chart on `canvas`, or updates the one already there. */
export function drawChart(canvas: HTMLCanvasElement, spec: SeriesChart): Chart {
  const existing = Chart.getChart(canvas);
  const config = configOf(spec);
  if (existing) {
    existing.data = config.data;
    existing.update('none');
    return existing;
  }
  return new Chart(canvas, config);
}

export { Chart };
