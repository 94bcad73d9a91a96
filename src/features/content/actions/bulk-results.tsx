import { Link } from 'react-router';
import type { BulkResult } from './bulk-plan';

/** How it went: counts, then each failure with PBS's message and each started task. */
export function BulkResults({ results }: { results: BulkResult[] }) {
  const failed = results.filter((r) => !r.ok);
  const tasks = results.filter((r) => r.upid);
  return (
    <div role="status" className="space-y-2 text-sm">
      <p>
        Done: {results.length - failed.length}. Failed: {failed.length}.
      </p>
      {failed.length > 0 ? (
        <ul aria-label="Failed" className="max-h-32 list-disc overflow-auto pl-5 text-red-700 dark:text-red-300">
          {failed.map((r) => (
            <li key={r.name}>
              <span className="font-mono">{r.name}</span>: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      {tasks.length > 0 ? (
        <ul aria-label="Tasks started" className="max-h-32 list-disc overflow-auto pl-5">
          {tasks.map((r) => (
            <li key={r.name}>
              <Link
                to={`/tasks/${encodeURIComponent(r.upid ?? '')}`}
                className="text-accent-700 underline dark:text-accent-300"
              >
                Verification of {r.name}: task log
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
