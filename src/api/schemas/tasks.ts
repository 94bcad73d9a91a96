import { z } from 'zod';
import { epochSchema } from './common';
import { labelOf, listOf, openEnum } from './tolerant';

/**
 * GET /nodes/{node}/tasks rows (snake_case). `node` is always "localhost" here while the UPID
 * carries the real hostname. Running rows have neither `endtime` nor `status`.
 */
export const taskListItemSchema = z.object({
  upid: z.string(),
  node: z.string(),
  pid: z.number().int(),
  pstart: z.number().int(),
  starttime: epochSchema,
  worker_type: z.string(),
  worker_id: z.string().nullable(),
  user: z.string(),
  endtime: epochSchema.optional(),
  status: z.string().optional(),
});
export const taskListSchema = listOf(taskListItemSchema, 'tasks', labelOf('worker_type', 'worker_id'));
export type TaskListItem = z.infer<typeof taskListItemSchema>;

/**
 * GET /nodes/{node}/tasks/{upid}/status: `type`/`id` (not worker_*), `user` without the token
 * part (`tokenid` holds it), `exitstatus` once stopped.
 */
export const taskStatusSchema = z.object({
  upid: z.string(),
  node: z.string(),
  pid: z.number().int(),
  pstart: z.number().int(),
  starttime: epochSchema,
  type: z.string(),
  id: z.string().nullable(),
  user: z.string(),
  tokenid: z.string().optional(),
  status: openEnum(['running', 'stopped']),
  exitstatus: z.string().optional(),
});
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** GET /nodes/{node}/tasks/{upid}/log `data`; `total` (line count) and `active` arrive as meta. */
export const taskLogLineSchema = z.object({ n: z.number().int(), t: z.string() });
export const taskLogSchema = listOf(taskLogLineSchema, 'log', labelOf('n'));
export type TaskLogLine = z.infer<typeof taskLogLineSchema>;

export const taskStatusFilterSchema = z.enum(['ok', 'warning', 'error', 'unknown']);
export type TaskStatusFilter = z.infer<typeof taskStatusFilterSchema>;
