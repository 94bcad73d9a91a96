// Requests to Proxmox VE through the deck's /pve-api/ mount. PVE answers `{data}` and, on errors,
// `{data: null, message?, errors?}` with the message as the HTTP reason phrase; the console's PBS session
// (cookie and CSRF token) goes along, since the deck only forwards for a signed-in console. In user mode the
// deck keeps the user's own PVE ticket behind its cookie and answers 401 with `X-Deck-Pve-Login: required`
// while there is none: that asks for a PVE login, it does not end the PBS session.
import { z } from 'zod';
import { currentCsrfToken } from '@/api/session-state';

const MOUNT = '/pve-api';
const BASE = `${MOUNT}/api2/json`;

/** The deck's header on a 401 that wants a Proxmox VE login (and nothing else). */
export const PVE_LOGIN_HEADER = 'X-Deck-Pve-Login';

/** A refusal of PVE (or of the deck's mount): the message and, for parameter errors, one per parameter. */
export class PveApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string> = {},
    /** the deck has no Proxmox VE login for this console (user mode): log in, then ask again */
    readonly loginRequired = false,
  ) {
    super(message);
    this.name = 'PveApiError';
  }
}

export function isPveLoginRequired(error: unknown): boolean {
  return error instanceof PveApiError && error.loginRequired;
}

export interface PveAnswer<T> {
  data: T;
  total?: number;
}

type Method = 'GET' | 'POST' | 'DELETE';

/** A call to PVE's API (`/api2/json/...`) through the mount. */
export function pveRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  params: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<PveAnswer<z.output<S>>> {
  return send(method, BASE, path, schema, params, signal);
}

/** A call to the deck's own part of the mount (`/pve-api/deck/...`), which PVE never sees. */
export function pveDeckRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<PveAnswer<z.output<S>>> {
  return send('GET', MOUNT, path, schema, {}, signal);
}

async function send<S extends z.ZodType>(
  method: Method,
  base: string,
  path: string,
  schema: S,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<PveAnswer<z.output<S>>> {
  const query = new URLSearchParams(params).toString();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = currentCsrfToken();
  if (method !== 'GET' && csrf) headers.CSRFPreventionToken = csrf;
  if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const url = method !== 'POST' && query ? `${base}${path}?${query}` : `${base}${path}`;
  const response = await fetch(url, {
    method,
    headers,
    body: method === 'POST' ? query : undefined,
    credentials: 'same-origin',
    signal,
  });
  const text = await response.text();
  const body = parseEnvelope(text);
  if (!response.ok) {
    // PVE puts its message in the reason phrase; the deck copies it into the body
    const message = (
      (body ? body.message || response.statusText : text || response.statusText) || `HTTP ${response.status}`
    ).trim();
    const loginRequired = response.status === 401 && response.headers.get(PVE_LOGIN_HEADER) === 'required';
    throw new PveApiError(response.status, message, body?.errors ?? {}, loginRequired);
  }
  const parsed = schema.safeParse(body?.data);
  if (!parsed.success)
    throw new PveApiError(response.status, `Proxmox VE sent data PBS Deck does not understand (${method} ${path})`);
  return { data: parsed.data as z.output<S>, ...(body?.total !== undefined && { total: body.total }) };
}

const envelopeSchema = z.object({
  data: z.unknown(),
  total: z.number().optional(),
  message: z.string().optional(),
  errors: z.record(z.string(), z.string()).optional().catch(undefined),
});

function parseEnvelope(text: string): z.output<typeof envelopeSchema> | null {
  try {
    const r = envelopeSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    // the deck's own refusals may be plain text
    return null;
  }
}

export const pvePath = (strings: TemplateStringsArray, ...values: (string | number)[]) =>
  strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
