import { useCallback, useSyncExternalStore } from 'react';

/*
 * Per user and per browser: the end time (server epoch) up to which failures were acknowledged.
 * Kept in localStorage so every tab agrees; the `storage` event tells other tabs.
 */

const key = (user: string) => `pbs-deck.failures-seen.${user}`;
const listeners = new Set<() => void>();

function read(user: string): number | null {
  try {
    const value = Number(localStorage.getItem(key(user)));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null; // storage disabled: nothing was acknowledged
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** [seenUntil, markSeen(epoch)] for `user`. */
export function useFailuresSeen(user: string): [number | null, (until: number) => void] {
  const seen = useSyncExternalStore(
    subscribe,
    () => read(user),
    () => null,
  );
  const mark = useCallback(
    (until: number) => {
      try {
        localStorage.setItem(key(user), String(until));
      } catch {
        // storage disabled: the mark lasts as long as nothing re-reads it
      }
      listeners.forEach((l) => l());
    },
    [user],
  );
  return [seen, mark];
}
