// What the console reads from Proxmox VE's API (through the deck's /pve-api/ mount) and the `pve` part of
// /deck/config. Loose where PVE is: numbers that Perl may send as strings, optional fields, extra keys.
import { z } from 'zod';
import type { DeckConfig } from '@/api/schemas/deck';

const intish = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export type PveDeckConfig = NonNullable<DeckConfig['pve']>;

export const pveNodesSchema = z.array(z.object({ node: z.string(), status: z.string().optional() }));

export const pveStoragesSchema = z.array(
  z.object({
    storage: z.string(),
    type: z.string(),
    content: z.string().optional().default(''),
    active: intish.optional(),
    enabled: intish.optional(),
    avail: z.number().optional(),
  }),
);
export type PveStorage = z.output<typeof pveStoragesSchema>[number];

export const pveBackupsSchema = z.array(
  z.object({
    volid: z.string(),
    ctime: z.number().optional(),
    vmid: intish.optional(),
    encrypted: z.string().optional(),
    protected: intish.optional(),
  }),
);

export const pveNextIdSchema = intish;

export const pveResourcesSchema = z.array(
  z.object({
    vmid: intish.optional(),
    type: z.string(),
    node: z.string().optional(),
    name: z.string().optional(),
    status: z.string().optional(),
  }),
);
export type PveResource = z.output<typeof pveResourcesSchema>[number];

export const pveUpidSchema = z.string();

export const pveTaskStatusSchema = z.object({
  upid: z.string(),
  status: z.enum(['running', 'stopped']),
  exitstatus: z.string().optional(),
  type: z.string().optional(),
});

export const pveTaskLogSchema = z.array(z.object({ n: z.number(), t: z.string() }));
