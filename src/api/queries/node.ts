import { queryOptions } from '@tanstack/react-query';
import { nodeStatusSchema, nodeTimeSchema, subscriptionSchema, versionSchema } from '@/api/schemas/node';
import { getData, type Server } from './server';
import { nodeKeys } from './keys';
export { nodeKeys } from './keys';

export const nodeQueries = {
  version: (srv: Server) =>
    queryOptions({
      queryKey: [...nodeKeys.all(srv), 'version'],
      queryFn: ({ signal }) => getData(srv, '/version', versionSchema, undefined, signal),
      staleTime: Infinity,
    }),
  /** The server's zone, for hover texts of times; it changes only by an admin's hand. */
  time: (srv: Server) =>
    queryOptions({
      queryKey: [...nodeKeys.all(srv), 'time'],
      queryFn: ({ signal }) => getData(srv, '/nodes/localhost/time', nodeTimeSchema, undefined, signal),
      staleTime: Infinity,
    }),
  status: (srv: Server) =>
    queryOptions({
      queryKey: [...nodeKeys.all(srv), 'status'],
      queryFn: ({ signal }) => getData(srv, '/nodes/localhost/status', nodeStatusSchema, undefined, signal),
    }),
  subscription: (srv: Server) =>
    queryOptions({
      queryKey: [...nodeKeys.all(srv), 'subscription'],
      queryFn: ({ signal }) => getData(srv, '/nodes/localhost/subscription', subscriptionSchema, undefined, signal),
      staleTime: 30 * 60_000,
    }),
};
