/** One row of a chart: `time` in epoch seconds plus one value per series key (null = no sample). */
export type ChartPoint = { time: number } & Record<string, number | null>;

export interface ChartSeries {
  key: string;
  label: string;
}

/** Fixed palette, readable on light and dark backgrounds (AA against both card colours). */
export const seriesColors = ['#2563eb', '#d97706', '#059669', '#9333ea'] as const;

export function seriesColor(index: number): string {
  return seriesColors[index % seriesColors.length] ?? seriesColors[0];
}

export interface ChartProps {
  /** Accessible name of the chart: "Storage usage, last day". */
  label: string;
  data: ChartPoint[];
  series: ChartSeries[];
  formatValue: (value: number) => string;
  formatTime: (epoch: number) => string;
  height?: number;
  /** Fixed y range, e.g. [0, 1] for a usage ratio. */
  domain?: [number, number];
  /** A sparkline: no axes, no grid, no legend. */
  compact?: boolean;
}
