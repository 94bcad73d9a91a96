import { apiGetWithMeta } from '@/api/client';
import { DEFAULT_SERVER_ID, type Server } from './server';

/** The console's PBS, read through the api client (session cookie, {data} envelope, PbsError). */
export const defaultServer: Server = {
  id: DEFAULT_SERVER_ID,
  get: (path, schema, query, signal) => apiGetWithMeta(path, schema, query, { signal }),
};
