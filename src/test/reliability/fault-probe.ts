// What the reliability suite measures: the requests the simulator receives, and what the screen says.
import { screen } from '@testing-library/react';
import type { SetupServer } from 'msw/node';

export interface RequestLog {
  count: number;
  /** when each request went out (Date.now()) */
  at: number[];
}

/** Counts, for the rest of the test, the requests of `method` to `path` (its query left out) the simulator receives. */
export function countRequests(server: SetupServer, method: string, path: string): RequestLog {
  const log: RequestLog = { count: 0, at: [] };
  const listener = ({ request }: { request: Request }) => {
    if (request.method !== method || new URL(request.url).pathname !== path) return;
    log.count++;
    log.at.push(Date.now());
  };
  server.events.on('request:start', listener);
  onTestFinished(() => void server.events.removeListener('request:start', listener));
  return log;
}

/** The waits between the requests, in whole seconds. */
export const waitsOf = (log: RequestLog) => log.at.slice(1).map((t, i) => Math.round((t - log.at[i]!) / 1000));

/** An ErrorState's title and message as the user reads them. */
export function textOf(el: HTMLElement): string {
  return [...el.querySelectorAll('p')]
    .map((p) => p.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' — ');
}

/** A text from the screen, quoted for the table. */
export const quoted = (text: string | null | undefined) => `"${text ?? ''}"`;

const NOTICE = /^(Cannot reach the backup server|The backup server answered with an error)$/;

/** The shell's notice that reads are being asked again, found as a user finds it: a status named by its title. */
export const noticeShown = () => screen.queryByRole('status', { name: NOTICE });

function nameOf(el: HTMLElement): string {
  const id = el.getAttribute('aria-labelledby');
  return (id ? document.getElementById(id)?.textContent : '')?.trim() ?? '';
}

/**
 * Every text the notice shows during the rest of the test, in order (the countdown changes it), recorded as the
 * DOM changes: a notice that came and went between two looks is still seen. `onShow` runs as it first shows, in
 * the same turn, so what it looks at is the page as it was next to the notice, however slow the test runs.
 */
export function watchNotice(onShow?: () => void): string[] {
  const seen: string[] = [];
  const look = () => {
    // the notice is the only labelled status in the page; a cheap look, since it runs on every change
    const el = document.querySelector<HTMLElement>('main [role="status"][aria-labelledby]');
    const text = el && NOTICE.test(nameOf(el)) ? textOf(el) : null;
    if (!text || seen.at(-1) === text) return;
    // the first time also as a user finds it, by role and name
    if (seen.length === 0 && !noticeShown()) throw new Error('the notice is not a status named by its title');
    seen.push(text);
    if (seen.length === 1) onShow?.();
  };
  const observer = new MutationObserver(look);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  onTestFinished(() => observer.disconnect());
  return seen;
}
