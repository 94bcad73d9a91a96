import { z } from 'zod';

/** POST /access/ticket: login, renewal and the TFA step. */
export const ticketSchema = z.object({
  username: z.string(),
  ticket: z.string(),
  CSRFPreventionToken: z.string(),
});
export type TicketResponse = z.infer<typeof ticketSchema>;

/** GET /access/domains (no auth needed). */
export const domainSchema = z.object({
  realm: z.string(),
  type: z.string(),
  comment: z.string().optional(),
  default: z.boolean().optional(),
});
export const domainListSchema = z.array(domainSchema);
export type Domain = z.infer<typeof domainSchema>;

/** GET /access/permissions: ACL path → privilege → propagate. */
export const permissionsSchema = z.record(z.string(), z.record(z.string(), z.boolean()));
export type Permissions = z.infer<typeof permissionsSchema>;
