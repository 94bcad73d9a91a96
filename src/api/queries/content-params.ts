import { apiPath } from '@/api/path';

/** `ns` only off the root: PBS treats an absent and an empty `ns` alike, and older servers know no `ns` at all. */
export const nsParam = (ns: string) => (ns === '' ? {} : { ns });

/** Namespaces nest at most 7 deep below the root (PBS's MAX_NAMESPACE_DEPTH). */
const MAX_DEPTH = 7;

/*
 * The requests behind the namespace and group lists, apart from their factories: the reload starts them
 * before the view's code has loaded (app/early-start), and the console's entry then holds no schema of them.
 */
export const namespaceListRequest = (store: string) => ({
  path: apiPath`/admin/datastore/${store}/namespace`,
  params: { 'max-depth': MAX_DEPTH },
});

export const groupListRequest = (store: string, ns: string) => ({
  path: apiPath`/admin/datastore/${store}/groups`,
  params: nsParam(ns),
});
