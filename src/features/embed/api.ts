import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { serverNow } from '@/api/server-clock';
import { datastoreUsageItemSchema } from '@/api/schemas/datastore';
import { gcJobListSchema } from '@/api/schemas/gc';
import { taskListSchema } from '@/api/schemas/tasks';
import { verifyJobStatusListSchema } from '@/api/schemas/verify';
import { embedGet } from './embed-fetch';

/*
 * Polling of a tile that hangs on a wall all day: usage and tasks once a minute, jobs every five
 * (nothing while the tab is hidden: the query client's default). The task window is 7 days because
 * the health rules (lib/badge-state) look back that far; the 24-hour figures filter it.
 */
export const POLL = { usage: 60_000, tasks: 60_000, jobs: 5 * 60_000 } as const;
const WEEK = 7 * 86_400;

const embedConfigSchema = z.object({
  embed: z
    .object({
      enabled: z.boolean().optional(),
      messageOrigins: z.array(z.string()).optional(),
      /** `login`: no token on the deck, the frame logs in itself (only over HTTPS: `secure`). */
      auth: z.enum(['token', 'login']).optional().catch(undefined),
      secure: z.boolean().optional(),
    })
    .nullable()
    .optional()
    .catch(null),
});

/** Usage items one by one: a store with an odd answer does not hide the others. */
const usageListSchema = z
  .array(z.unknown())
  .transform((items) => items.flatMap((i) => {
    const r = datastoreUsageItemSchema.safeParse(i);
    return r.success ? [r.data] : [];
  }));

export const embedQueries = {
  config: () =>
    queryOptions({
      queryKey: ['deck', 'config', 'embed'],
      queryFn: async ({ signal }) => {
        const response = await fetch('/deck/config', { signal, headers: { Accept: 'application/json' }, credentials: 'omit' });
        if (!response.ok) throw new Error(`/deck/config answered ${response.status}`);
        return embedConfigSchema.parse(await response.json()).embed ?? null;
      },
      staleTime: Infinity,
    }),
  usage: () =>
    queryOptions({
      queryKey: ['datastores', 'usage'],
      queryFn: ({ signal }) => embedGet('/status/datastore-usage', usageListSchema, signal),
      refetchInterval: POLL.usage,
    }),
  gcJobs: () =>
    queryOptions({
      queryKey: ['gc', 'list'],
      queryFn: ({ signal }) => embedGet('/admin/gc', gcJobListSchema, signal),
      refetchInterval: POLL.jobs,
    }),
  verifyJobs: () =>
    queryOptions({
      queryKey: ['verify', 'jobs'],
      queryFn: ({ signal }) => embedGet('/admin/verify', verifyJobStatusListSchema, signal),
      refetchInterval: POLL.jobs,
    }),
  recentTasks: () =>
    queryOptions({
      queryKey: ['tasks', 'list', { range: 'last-7d' }],
      queryFn: ({ signal }) => embedGet(`/nodes/localhost/tasks?since=${serverNow() - WEEK}&limit=1000`, taskListSchema, signal),
      refetchInterval: POLL.tasks,
    }),
  runningTasks: () =>
    queryOptions({
      queryKey: ['tasks', 'list', { running: true }],
      queryFn: ({ signal }) => embedGet('/nodes/localhost/tasks?running=1&limit=100', taskListSchema, signal),
      refetchInterval: POLL.tasks,
    }),
};
