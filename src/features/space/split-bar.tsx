import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/**
 * Colours of the split's parts, readable on light and dark cards (the first four are the console's chart colours;
 * not imported from its chart kit so this lazy view adds no chunk to the entry's preload lists); what groups share is
 * grey.
 */
const PART_COLORS = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#9333ea',
  '#dc2626',
  '#0891b2',
  '#65a30d',
  '#db2777',
  '#a16207',
] as const;
export const SHARED_COLOR = '#737373';

export function partColor(key: string, index: number): string {
  return key === 'shared' ? SHARED_COLOR : (PART_COLORS[index % PART_COLORS.length] ?? PART_COLORS[0]);
}

export interface BarPart {
  key: string;
  value: number;
  color: string;
}

/**
 * One bar split into parts, each as wide as its share of `total`: a picture only, so it is hidden from assistive
 * technology's tree as one named image, and the page lists the parts' figures beside it. A thin line in the card's
 * colour parts neighbours whatever their colours.
 */
export function SplitBar({
  label,
  parts,
  total,
  height = 40,
}: {
  label: string;
  parts: BarPart[];
  total: number;
  height?: number;
}) {
  const row = Object.fromEntries([['name', 'split'], ...parts.map((p) => [p.key, p.value])]);
  return (
    <div
      role="img"
      aria-label={label}
      data-testid="chart"
      style={{ height }}
      className="w-full min-w-0 text-white dark:text-neutral-900"
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
        <BarChart data={[row]} layout="vertical" margin={{ top: 0, right: 0, bottom: 0, left: 0 }} barCategoryGap={0}>
          <XAxis type="number" hide domain={[0, Math.max(total, 1)]} />
          <YAxis type="category" dataKey="name" hide />
          {parts.map((p) => (
            <Bar
              key={p.key}
              dataKey={p.key}
              stackId="split"
              fill={p.color}
              stroke="currentColor"
              strokeWidth={1}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
