import { useCallback, type MouseEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, type Location } from 'react-router';

/*
 * Task logs open as a panel over the page they were opened from (DESIGN.md), and as a page of
 * their own when visited directly. The convention, for every feature:
 *
 *   link to `taskHref(upid)` (`/tasks/<upid>`) with a plain <Link> or <TaskLogLink>.
 *
 * The shell catches in-app clicks on such links (useTaskLinksAsPanel) and navigates with
 * react-router's `mask`: the router stays on the current page, the address bar shows
 * /tasks/<upid>, and the shell draws the panel for the masked path (useTaskPanel). A copied
 * address, a reload in a new tab, or a click with a modifier key opens the full page.
 * Code that opens a task itself (after starting one) calls useOpenTaskPanel().
 */

const TASK_PATH = /^\/tasks\/([^/]+)\/?$/;

export function taskHref(upid: string): string {
  return `/tasks/${encodeURIComponent(upid)}`;
}

/** The UPID a `/tasks/<upid>` path names, else null. */
export function taskUpidOfPath(pathname: string): string | null {
  const m = TASK_PATH.exec(pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

const background = (location: Location) => ({
  pathname: location.pathname,
  search: location.search,
  hash: location.hash,
});

/** Opens a task's log as a panel over the current page. */
export function useOpenTaskPanel(): (upid: string) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (upid: string) => void navigate(background(location), { mask: taskHref(upid), state: location.state as unknown }),
    [navigate, location],
  );
}

/** The task shown as a panel over the current page, and how to close it. */
export function useTaskPanel(): { upid: string | null; close: () => void } {
  const navigate = useNavigate();
  const location = useLocation();
  const upid = location.mask ? taskUpidOfPath(location.mask.pathname) : null;
  const close = useCallback(() => {
    // Back to the entry the panel was opened from, if this tab has one; else drop the mask in place.
    const idx = (window.history.state as { idx?: unknown } | null)?.idx;
    if (typeof idx === 'number' && idx > 0) void navigate(-1);
    else void navigate(background(location), { replace: true, state: location.state as unknown });
  }, [navigate, location]);
  return { upid, close };
}

/** For the shell's onClickCapture: an in-app click on a link to /tasks/<upid> opens the panel instead. */
export function useTaskLinksAsPanel(): (event: MouseEvent) => void {
  const open = useOpenTaskPanel();
  return useCallback(
    (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (
        !(anchor instanceof HTMLAnchorElement) ||
        (anchor.target && anchor.target !== '_self') ||
        anchor.hasAttribute('download')
      )
        return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      const upid = taskUpidOfPath(url.pathname);
      if (upid === null) return;
      // Runs before the Link's own handler, which leaves a prevented click alone.
      event.preventDefault();
      open(upid);
    },
    [open],
  );
}

/** A link to a task's log (a panel over the page when clicked in the console). */
export function TaskLogLink({ upid, children, className }: { upid: string; children: ReactNode; className?: string }) {
  return (
    <Link to={taskHref(upid)} className={className} title={upid}>
      {children}
    </Link>
  );
}
