import { parseTicketTime } from '@/lib/pbs-ticket';
import type { PbsTarget } from '../config.ts';
import { createPbsCaller } from './embed-reader.ts';
import type { UpstreamTimeouts } from '../limits/upstream-timeouts.ts';
import type { EmbedAnswer } from '../types.ts';

// The PBS side of the embed views' own login: asking PBS for a ticket (login, TFA step, renewal) and
// reading an allowlisted path with it. Nothing of the browser's request is passed on but what the
// caller hands over explicitly.

export type TicketAnswer =
  { kind: 'ticket'; username: string; ticket: string } | { kind: 'refused'; status: number; message: string };

export interface EmbedPbs {
  /** POST /access/ticket, form-encoded as PBS's own UI sends it. */
  ticket(form: Record<string, string>): Promise<TicketAnswer>;
  /** GET /api2/json<path> with the ticket as PBS's auth cookie and nothing else. */
  read(path: string, ticket: string): Promise<EmbedAnswer>;
  close(): void;
}

export function createEmbedPbs(target: PbsTarget, timeouts: UpstreamTimeouts): EmbedPbs {
  const { call, close } = createPbsCaller(target, timeouts);
  return {
    async ticket(form) {
      const body = new URLSearchParams(form).toString();
      const answer = await call(
        'POST',
        '/access/ticket',
        {
          'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
          'content-length': String(Buffer.byteLength(body)),
        },
        body,
      );
      const text = answer.body.toString('utf8');
      if (answer.status !== 200)
        return { kind: 'refused', status: answer.status, message: text.trim() || `PBS answered ${answer.status}` };
      let data: { username?: unknown; ticket?: unknown } | undefined;
      try {
        data = (JSON.parse(text) as { data?: { username?: unknown; ticket?: unknown } }).data;
      } catch {
        data = undefined;
      }
      if (typeof data?.ticket !== 'string' || typeof data.username !== 'string' || !isTicket(data.ticket)) {
        return { kind: 'refused', status: 502, message: 'PBS answered the login without a ticket' };
      }
      return { kind: 'ticket', username: data.username, ticket: data.ticket };
    },
    read: (path, ticket) => call('GET', path, { cookie: `PBSAuthCookie=${encodeURIComponent(ticket)}` }),
    close,
  };
}

/** `PBS:<userid>:<8 hex>::<signature>` or a TFA partial ticket: printable ASCII, no spaces. */
export function isTicket(value: string): boolean {
  return /^PBS:[\x21-\x7e]+$/.test(value) && value.length <= 8192;
}

/** The userid a full ticket was issued to (its second field, percent-encoded), or null. */
export function ticketUser(ticket: string): string | null {
  const field = ticket.split(':')[1] ?? '';
  try {
    const user = decodeURIComponent(field);
    return user.includes('@') && !user.startsWith('!') ? user : null;
  } catch {
    return null;
  }
}

/** Seconds since PBS issued the ticket, by this machine's clock; null when the ticket does not say. */
export function ticketAge(ticket: string, nowMs: number = Date.now()): number | null {
  const issued = parseTicketTime(ticket);
  return issued === null ? null : Math.floor(nowMs / 1000) - issued;
}
