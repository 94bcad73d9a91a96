import { queryOptions } from '@tanstack/react-query';
import { apiPath } from '@/api/path';
import { namespaceListSchema } from '@/api/schemas/content';
import { getData, type Server } from './server';
import { namespaceKeys } from './keys';
export { namespaceKeys } from './keys';

/** Namespaces nest at most 7 deep below the root (PBS's MAX_NAMESPACE_DEPTH). */
const MAX_DEPTH = 7;

/** The request behind `list`, for the reload that starts it before the view's code has loaded (app/early-start). */
export const namespaceListRequest = (store: string) => ({
  path: apiPath`/admin/datastore/${store}/namespace`,
  params: { 'max-depth': MAX_DEPTH },
});

export const namespaceQueries = {
  /** Every namespace of the store the user may see, the root included. */
  list: (srv: Server, store: string) =>
    queryOptions({
      queryKey: [...namespaceKeys.all(srv), 'list', { store }],
      queryFn: ({ signal }) => {
        const { path, params } = namespaceListRequest(store);
        return getData(srv, path, namespaceListSchema, params, signal);
      },
    }),
};
