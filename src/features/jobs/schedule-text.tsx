import { describeCalendarEvent } from '@/lib/calendar-describe';

function words(schedule: string): string | null {
  try {
    const text = describeCalendarEvent(schedule);
    return text.charAt(0).toUpperCase() + text.slice(1);
  } catch {
    // PBS stored it, so PBS can read it; if this parser cannot, the raw text still says it.
    return null;
  }
}

/** A schedule in words with PBS's text beside it; manual-only jobs say so. */
export function ScheduleText({ schedule }: { schedule: string | undefined }) {
  if (!schedule) return <span className="text-neutral-600 dark:text-neutral-400">Manual only</span>;
  const text = words(schedule);
  return (
    <span className="flex flex-col max-md:items-end">
      {text ? <span>{text}</span> : null}
      <code className="font-mono text-xs text-neutral-600 dark:text-neutral-400">{schedule}</code>
    </span>
  );
}
