import { isPbsError } from '@/api/client';

/** A failed groups list in words: the datastore or namespace is missing, unavailable, or not the user's to see. */
export function contentErrorText(error: unknown, store: string, ns: string): { title: string; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (isPbsError(error)) {
    if (/no such datastore/i.test(message)) return { title: `Datastore ${store} does not exist`, message };
    if (/ENOENT|no such file/i.test(message) && ns !== '')
      return { title: `Namespace ${ns} does not exist in datastore ${store}`, message };
    if (error.status === 403)
      return { title: `You may not see the content of ${store}${ns ? ` / ${ns}` : ''}`, message };
    if (/maintenance|offline|not mounted|unavailable/i.test(message))
      return { title: `Datastore ${store} is not available`, message };
  }
  return { title: `Cannot show the content of ${store}`, message };
}
