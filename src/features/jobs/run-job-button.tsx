import { useMutation } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { jobMutations } from './api';
import { rowName, type JobRow } from './job-rows';

/** Starts the job now and links the task it started. */
export function RunJobButton({ row }: { row: JobRow }) {
  const mutation = useMutation(jobMutations.run());
  const name = rowName(row);
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Button
        size="sm"
        aria-label={`Run ${name} now`}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ kind: row.kind, id: row.id })}
      >
        <Play aria-hidden className="size-3.5" /> Run now
      </Button>
      {mutation.data ? (
        <Link to={`/tasks/${encodeURIComponent(mutation.data)}`} className="text-xs">
          Task started: show its log
        </Link>
      ) : null}
      {mutation.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          Did not start: {mutation.error.message}
        </span>
      ) : null}
    </span>
  );
}
