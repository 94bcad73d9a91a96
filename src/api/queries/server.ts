import type { z } from 'zod';
import type { Params } from '@/api/form';

/** What a GET answers: the parsed `data` and the envelope's extra attributes PBS sends with some lists. */
export interface Reply<T> {
  data: T;
  total?: number;
  digest?: string;
  active?: boolean;
}

/**
 * How the factories read PBS: a GET below the server's API base, `data` parsed with `schema`. The
 * console passes its api client; the embed entry its read-only reader, so its bundle holds no write.
 */
export type Transport = <S extends z.ZodType>(
  path: string,
  schema: S,
  query: Params | undefined,
  signal: AbortSignal | undefined,
) => Promise<Reply<z.output<S>>>;

/** One PBS the console talks to: its id leads every query key, its transport reads it. */
export interface Server {
  readonly id: string;
  readonly get: Transport;
}

/** Today there is one server; a fleet will add others beside it. */
export const DEFAULT_SERVER_ID = 'default';

/** The head of every key of `srv`'s data: dropping it drops everything read from that server. */
export const serverKey = (srv: Server | string) => ['srv', typeof srv === 'string' ? srv : srv.id] as const;

/** `data` alone, for factories whose endpoint sends nothing else worth keeping. */
export async function getData<S extends z.ZodType>(
  srv: Server,
  path: string,
  schema: S,
  query?: Params,
  signal?: AbortSignal,
) {
  return (await srv.get(path, schema, query, signal)).data;
}
