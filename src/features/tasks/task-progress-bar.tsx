import type { TaskProgress } from '@/lib/task-progress';

/** How far a running task has come, as its log tells it. */
export function TaskProgressBar({ progress }: { progress: TaskProgress }) {
  const percent = Math.round(progress.percent * 100) / 100;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap justify-between gap-x-3 text-sm">
        <span id="task-progress-label">{progress.label}</span>
        <span className="tabular-nums">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="task-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
        className="h-2 overflow-hidden rounded bg-neutral-200 dark:bg-neutral-800"
      >
        <div className="h-full bg-accent-600 transition-[width] dark:bg-accent-400" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
