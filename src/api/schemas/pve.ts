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

const flag = z.union([z.boolean(), intish.transform((n) => n !== 0)]);

/** Who the deck talks to Proxmox VE as, for this console: the user's own login, or the deck's API token. */
export type PveDeckSession =
  | { mode: 'user'; username: string | null }
  | { mode: 'token'; username: string | null; allowed: boolean; reason: string | null };

// One object and a transform rather than a discriminated union of literals: the zod parts that needs would join the
// console's entry chunk.
export const pveDeckSessionSchema = z
  .object({
    mode: z.enum(['user', 'token']),
    username: z.string().nullable().catch(null),
    allowed: z.boolean().optional(),
    reason: z.string().nullable().optional(),
  })
  .transform((s): PveDeckSession =>
    s.mode === 'user'
      ? { mode: 'user', username: s.username }
      : // a token-mode answer that does not say the user is served is a refusal
        { mode: 'token', username: s.username, allowed: s.allowed === true, reason: s.reason ?? null },
  );

/** PVE's realms; `default` marks the one its own login box preselects. */
export const pveDomainsSchema = z.array(
  z.object({
    realm: z.string(),
    type: z.string().optional(),
    comment: z.string().optional(),
    default: flag.optional().catch(undefined),
  }),
);
export type PveDomain = z.output<typeof pveDomainsSchema>[number];

/** The deck's answer to a login: done, or the second factors PVE offers this user. */
export const pveLoginSchema = z
  .object({
    username: z.string(),
    NeedTFA: flag.optional(),
    tfa: z
      .object({ totp: z.boolean().optional(), recovery: z.boolean().optional(), webauthn: z.boolean().optional() })
      .optional(),
  })
  .transform(({ username, NeedTFA, tfa }) =>
    NeedTFA
      ? {
          kind: 'tfa' as const,
          username,
          totp: tfa?.totp ?? false,
          recovery: tfa?.recovery ?? false,
          webauthn: tfa?.webauthn ?? false,
        }
      : { kind: 'ok' as const, username },
  );
export type PveLoginResult = z.output<typeof pveLoginSchema>;
export type PveTfaChallenge = Extract<PveLoginResult, { kind: 'tfa' }>;

export const pveLogoutSchema = z.unknown();
