import { ExternalLink } from 'lucide-react';
import type { ReactNode } from 'react';

/** A deep link into the full console, always in a new tab: the frame itself never becomes the console. */
export function ConsoleLink({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  return (
    <a
      href={to}
      target="_blank"
      rel="noopener"
      aria-label={label}
      className="inline-flex items-center gap-1 text-accent-700 underline-offset-2 hover:underline dark:text-accent-300"
    >
      {children}
      <ExternalLink aria-hidden className="size-3 shrink-0" />
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
