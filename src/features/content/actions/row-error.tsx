import { TriangleAlert } from 'lucide-react';

/** A failed action in a tree row, where only an icon fits: announced at once, the message on hover. */
export function RowError({ label, message }: { label: string; message: string }) {
  return (
    <span
      role="alert"
      title={`${label}: ${message}`}
      className="inline-flex size-7 items-center justify-center text-red-700 dark:text-red-300"
    >
      <TriangleAlert aria-hidden className="size-4" />
      <span className="sr-only">
        {label}: {message}
      </span>
    </span>
  );
}
