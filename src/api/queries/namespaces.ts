import { queryOptions } from '@tanstack/react-query';
import { namespaceListSchema } from '@/api/schemas/content';
import { namespaceListRequest } from './content-params';
import { getData, type Server } from './server';
import { namespaceKeys } from './keys';
export { namespaceKeys } from './keys';

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
