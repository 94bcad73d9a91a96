import { z } from 'zod';
import { bytesSchema, epochSchema } from './common';
import { openEnum } from './tolerant';

/** GET /version. `version` is major.minor ("4.2"), `release` the patch level as a string. */
export const versionSchema = z.object({
  version: z.string(),
  release: z.string(),
  repoid: z.string(),
});
export type Version = z.infer<typeof versionSchema>;

export const subscriptionStatusSchema = openEnum(['new', 'notfound', 'active', 'invalid', 'expired', 'suspended']);

/** GET /nodes/{node}/subscription. Everything but `status` is optional in PBS's type. */
export const subscriptionSchema = z.object({
  status: subscriptionStatusSchema,
  message: z.string().optional(),
  url: z.string().optional(),
  serverid: z.string().optional(),
  checktime: epochSchema.optional(),
  key: z.string().optional(),
  productname: z.string().optional(),
  regdate: z.string().optional(),
  nextduedate: z.string().optional(),
  signature: z.string().optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

const memorySchema = z.object({ total: bytesSchema, used: bytesSchema, free: bytesSchema });

/**
 * GET /nodes/{node}/status. PBS always sends cpuinfo, kernel, info and boot-info, but the only
 * real sample we have was trimmed without them, so they are optional here.
 */
export const nodeStatusSchema = z.object({
  memory: memorySchema,
  swap: memorySchema,
  root: z.object({ total: bytesSchema, used: bytesSchema, avail: bytesSchema }),
  uptime: z.number().nonnegative(),
  loadavg: z.array(z.number()),
  cpu: z.number(),
  wait: z.number(),
  cpuinfo: z.object({ model: z.string(), sockets: z.number().int(), cpus: z.number().int() }).optional(),
  'current-kernel': z
    .object({ sysname: z.string(), release: z.string(), version: z.string(), machine: z.string() })
    .optional(),
  kversion: z.string().optional(),
  info: z.object({ fingerprint: z.string() }).optional(),
  'boot-info': z.object({ mode: openEnum(['efi', 'legacy-bios']), secureboot: z.boolean() }).optional(),
});
export type NodeStatus = z.infer<typeof nodeStatusSchema>;

/** GET /nodes/{node}/time. `localtime` is epoch shifted by the zone offset, not a real epoch. */
export const nodeTimeSchema = z.object({
  timezone: z.string(),
  time: epochSchema,
  localtime: epochSchema,
});
export type NodeTime = z.infer<typeof nodeTimeSchema>;

/** One slot of GET /nodes/{node}/rrd; a metric is omitted in a slot without data. */
export const nodeRrdRowSchema = z.object({
  time: epochSchema,
  cpu: z.number().optional(),
  iowait: z.number().optional(),
  memtotal: z.number().optional(),
  memused: z.number().optional(),
  swaptotal: z.number().optional(),
  swapused: z.number().optional(),
  netin: z.number().optional(),
  netout: z.number().optional(),
  loadavg: z.number().optional(),
  total: z.number().optional(),
  used: z.number().optional(),
  read_ios: z.number().optional(),
  read_bytes: z.number().optional(),
  write_ios: z.number().optional(),
  write_bytes: z.number().optional(),
  io_ticks: z.number().optional(),
});
export const nodeRrdSchema = z.array(nodeRrdRowSchema);
export type NodeRrdRow = z.infer<typeof nodeRrdRowSchema>;

export const rrdTimeframeSchema = z.enum(['hour', 'day', 'week', 'month', 'year', 'decade']);
export type RrdTimeframe = z.infer<typeof rrdTimeframeSchema>;
export type RrdCf = 'AVERAGE' | 'MAX';
