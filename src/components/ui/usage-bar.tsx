import type { UsageLevel } from '@/lib/usage';
import { cn } from './cn';

const fill: Record<UsageLevel, string> = {
  ok: 'bg-accent-600 dark:bg-accent-400',
  warn: 'bg-amber-500 dark:bg-amber-400',
  critical: 'bg-red-600 dark:bg-red-500',
};

const words: Record<UsageLevel, string> = { ok: '', warn: 'high', critical: 'critical' };

interface UsageBarProps {
  /** 0..1 */
  ratio: number;
  level: UsageLevel;
  label: string;
  className?: string;
}

/** A usage bar whose warning level is also written out, not told by colour alone. */
export function UsageBar({ ratio, level, label, className }: UsageBarProps) {
  const pct = Math.min(100, Math.max(0, ratio * 100));
  const text = `${pct.toFixed(1)} %${words[level] ? ` (${words[level]})` : ''}`;
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-valuetext={text}
        className="h-2.5 flex-1 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-700"
      >
        <div className={cn('h-full rounded-full', fill[level])} style={{ width: `${pct}%` }} />
      </div>
      <span
        className={cn(
          'shrink-0 text-xs tabular-nums',
          level === 'critical' && 'font-semibold text-red-700 dark:text-red-300',
          level === 'warn' && 'font-medium text-amber-800 dark:text-amber-300',
        )}
      >
        {text}
      </span>
    </div>
  );
}
