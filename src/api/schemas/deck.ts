import { z } from 'zod';

/*
 * GET /deck/config: what this deck offers (DESIGN.md). Served by the deck server (or the demo
 * worker), not by PBS. Every part is optional and falls back on its own: an odd part never hides the
 * others.
 */

const demoLoginSchema = z.union([
  z.string().transform((username) => ({ username, password: undefined, description: undefined })),
  z
    .object({
      username: z.string(),
      password: z.string().optional(),
      description: z.string().optional(),
      role: z.string().optional(),
    })
    .transform(({ username, password, description, role }) => ({
      username,
      password,
      description: description ?? role,
    })),
]);
export type DemoLogin = z.output<typeof demoLoginSchema>;

export const deckConfigSchema = z.object({
  backend: z.string().optional(),
  demoLogins: z.array(demoLoginSchema).optional().catch(undefined),
  /** Where the PBS behind the deck server really is. */
  pbs: z
    .object({ host: z.string(), port: z.number().int(), fingerprint: z.string().nullable().optional() })
    .nullable()
    .optional()
    .catch(null)
    .transform((p) => p ?? null),
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
    .catch(null)
    .transform((e) => e ?? null),
  /** The Proxmox VE to restore to: null when this deck has none. */
  pve: z
    .object({
      node: z
        .string()
        .nullable()
        .optional()
        .transform((n) => n ?? null),
      storages: z.array(z.object({ storage: z.string(), store: z.string(), ns: z.string().optional().default('') })),
    })
    .nullable()
    .optional()
    .catch(null)
    .transform((p) => p ?? null),
});
export type DeckConfig = z.output<typeof deckConfigSchema>;
