import type { EarlyRequest } from '@/api/early';
import { apiPath } from '@/api/path';

/** `ns` only off the root: PBS treats an absent and an empty `ns` alike, and older servers know no `ns` at all. */
export const nsParam = (ns: string) => (ns === '' ? {} : { ns });

/*
 * The lists the content view asks for first, as plain requests: its queries use them, and a reload of
 * the page starts them before the view's code has loaded (app/early-start).
 */
export const contentRequests = {
  /** every namespace of the store the user may see, the root included */
  namespaces: (store: string): EarlyRequest => ({ path: apiPath`/admin/datastore/${store}/namespace`, params: { 'max-depth': 7 } }),
  groups: (store: string, ns: string): EarlyRequest => ({ path: apiPath`/admin/datastore/${store}/groups`, params: nsParam(ns) }),
};
