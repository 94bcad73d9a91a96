// Requests to Proxmox VE through the deck's /pve-api/ mount. PVE answers `{data}` and, on errors,
// `{data: null, message?, errors?}` with the message as the HTTP reason phrase; the console's PBS session
// (cookie and CSRF token) goes along, since the deck only forwards for a signed-in console.
import { z } from 'zod';
import { currentCsrfToken } from '@/api/session-state';

const BASE = '/pve-api/api2/json';

/** A refusal of PVE (or of the deck's mount): the message and, for parameter errors, one per parameter. */
export class PveApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'PveApiError';
  }
}

export interface PveAnswer<T> {
  data: T;
  total?: number;
}

export async function pveRequest<S extends z.ZodType>(
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  params: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<PveAnswer<z.output<S>>> {
  const query = new URLSearchParams(params).toString();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = currentCsrfToken();
  if (method === 'POST') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (csrf) headers.CSRFPreventionToken = csrf;
  }
  const url = method === 'GET' && query ? `${BASE}${path}?${query}` : `${BASE}${path}`;
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
    const message = (body?.message ?? (text || response.statusText || `HTTP ${response.status}`)).trim();
    throw new PveApiError(response.status, message, body?.errors ?? {});
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
