import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '@/api/client';
import { domainListSchema } from '@/api/schemas/access';

const demoLoginSchema = z.union([
  z.string().transform((username) => ({ username, password: undefined, description: undefined })),
  z.object({
    username: z.string(),
    password: z.string().optional(),
    description: z.string().optional(),
    role: z.string().optional(),
  }).transform(({ username, password, description, role }) => ({ username, password, description: description ?? role })),
]);

/** What this deck offers (DESIGN.md): only the parts the login page uses; the rest is ignored. */
const deckConfigSchema = z.object({
  backend: z.string().optional(),
  demoLogins: z.array(demoLoginSchema).optional().catch(undefined),
});

export type DemoLogin = z.output<typeof demoLoginSchema>;

export const authQueries = {
  domains: () =>
    queryOptions({
      queryKey: ['auth', 'domains'],
      queryFn: ({ signal }) => apiGet('/access/domains', domainListSchema, undefined, { signal }),
      staleTime: Infinity,
    }),
  /** Served by the deck server (or the demo worker), not by PBS: outside /api2/json. */
  deckConfig: () =>
    queryOptions({
      queryKey: ['deck', 'config'],
      queryFn: async ({ signal }) => {
        const response = await fetch('/deck/config', { signal, headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`/deck/config answered ${response.status}`);
        return deckConfigSchema.parse(await response.json());
      },
      staleTime: Infinity,
      retry: false,
    }),
};
