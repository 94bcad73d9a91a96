import { z } from 'zod';

/*
 * PBS tickets: `PBS:<userid, percent-encoded>:<8 hex epoch>::<signature>`. A partial ticket of the
 * TFA step carries `!tfa!<percent-encoded JSON challenge>` in place of the userid.
 */

const TFA_MARK = '!tfa!';

/**
 * The challenge percent-encoded inside a `PBS:!tfa!…` partial ticket. Keys appear only for factors
 * the user has configured; webauthn/u2f carry browser request options we pass through untouched.
 */
export const tfaChallengeSchema = z.object({
  totp: z.boolean().optional(),
  recovery: z.array(z.number().int()).optional(),
  yubico: z.boolean().optional(),
  webauthn: z.unknown().optional(),
  u2f: z.unknown().optional(),
});
export type TfaChallenge = z.infer<typeof tfaChallengeSchema>;

/** Epoch seconds at which PBS issued the ticket, or null when it is not a PBS ticket. */
export function parseTicketTime(ticket: string): number | null {
  const fields = ticket.split(':');
  const hex = fields[2];
  if (fields[0] !== 'PBS' || !hex || !/^[0-9A-Fa-f]{8}$/.test(hex)) return null;
  return parseInt(hex, 16);
}

export function isTfaTicket(ticket: string): boolean {
  return ticket.startsWith(`PBS:${TFA_MARK}`);
}

/** The second-factor challenge inside a partial ticket, or null when it has none or is malformed. */
export function decodeTfaChallenge(ticket: string): TfaChallenge | null {
  if (!isTfaTicket(ticket)) return null;
  const encoded = ticket.split(':')[1]?.slice(TFA_MARK.length) ?? '';
  try {
    const parsed = tfaChallengeSchema.safeParse(JSON.parse(decodeURIComponent(encoded)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
