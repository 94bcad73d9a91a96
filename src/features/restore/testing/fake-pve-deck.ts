// A stand-in for the deck's /pve-api/ layer in console tests, answering as the deck does (its session, PVE's
// realms, the login with a second factor, the logout, and 401 + X-Deck-Pve-Login before any other PVE call
// while it holds no login). Calls it lets through fall to the handlers behind it.
import { http, HttpResponse } from 'msw';
import { base32Decode, matchTotp } from '@/mocks/sim/auth/totp';

export const FAKE_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const FAKE_RECOVERY_KEYS = ['4a1e-9c2b-77d0-e3f5', 'b806-1d4c-52a9-0f3e'];
export const WEBAUTHN_ONLY =
  'this Proxmox VE account signs in with WebAuthn only, which cannot work through the deck: use token mode (see docs/deployment.md)';

interface FakeUser {
  password: string;
  factors?: { totp?: boolean; recovery?: boolean; webauthn?: boolean };
}

const USERS: Record<string, FakeUser> = {
  'pve-admin@pve': { password: 'demo' },
  'pve-totp@pve': { password: 'demo', factors: { totp: true, recovery: true } },
  'pve-key@pve': { password: 'demo', factors: { webauthn: true } },
};

type Mode = { mode: 'user' } | { mode: 'token'; allowed: boolean; reason: string | null };

/** A refusal as the deck sends it: the message in the body (with PVE's newline) and as the reason phrase. */
const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ data: null, message: `${message}\n` }, { status, statusText: message, headers: { ...headers } });

export function fakePveDeck(mode: Mode = { mode: 'user' }) {
  const state = {
    username: null as string | null,
    /** the user PVE asked a second factor of */
    challenged: null as string | null,
    usedRecovery: new Set<string>(),
    /** every /pve-api/ path asked for (method and path), in order */
    requests: [] as string[],
    /** writes that came without the console's CSRF token */
    writesWithoutCsrf: 0,
  };
  const record = (request: Request) => {
    state.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    if (request.method !== 'GET' && !request.headers.get('CSRFPreventionToken')) state.writesWithoutCsrf += 1;
  };
  const login = (username: string, password: string) => {
    const user = USERS[username];
    if (state.challenged === username && user) {
      const [kind, code = ''] = password.split(/:(.*)/s);
      const secret = base32Decode(FAKE_TOTP_SECRET);
      const ok =
        (kind === 'totp' && matchTotp(secret, code, Math.floor(Date.now() / 1000)) !== null) ||
        (kind === 'recovery' && FAKE_RECOVERY_KEYS.includes(code) && !state.usedRecovery.has(code));
      if (!ok) return refuse(401, 'authentication failure');
      if (kind === 'recovery') state.usedRecovery.add(code);
      state.challenged = null;
      state.username = username;
      return HttpResponse.json({ data: { username, cap: {} } });
    }
    if (!user || user.password !== password) return refuse(401, 'authentication failure');
    const f = user.factors;
    if (f?.webauthn && !f.totp && !f.recovery) return refuse(400, WEBAUTHN_ONLY);
    if (f) {
      state.challenged = username;
      return HttpResponse.json({
        data: { username, NeedTFA: 1, tfa: { totp: !!f.totp, recovery: !!f.recovery, webauthn: !!f.webauthn } },
      });
    }
    state.username = username;
    return HttpResponse.json({ data: { username, cap: { vms: { 'VM.Allocate': 1 } } } });
  };

  const handlers = [
    http.all('/pve-api/*', ({ request }) => {
      record(request);
    }),
    http.get('/pve-api/deck/session', () =>
      HttpResponse.json({
        data:
          mode.mode === 'user'
            ? { mode: 'user', username: state.username }
            : { mode: 'token', username: 'deck@pve!restore', allowed: mode.allowed, reason: mode.reason },
      }),
    ),
    http.get('/pve-api/api2/json/access/domains', () =>
      HttpResponse.json({
        data: [
          { realm: 'pam', type: 'pam', comment: 'Linux PAM standard authentication' },
          { realm: 'pve', type: 'pve', comment: 'Proxmox VE authentication server', default: 1 },
        ],
      }),
    ),
    http.post('/pve-api/api2/json/access/ticket', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const realm = form.get('realm');
      const name = form.get('username') ?? '';
      return login(realm && !name.includes('@') ? `${name}@${realm}` : name, form.get('password') ?? '');
    }),
    http.delete('/pve-api/api2/json/access/ticket', () => {
      state.username = null;
      return HttpResponse.json({ data: null });
    }),
    http.all('/pve-api/api2/json/*', () => {
      if (mode.mode === 'token' && !mode.allowed) return refuse(403, mode.reason ?? 'not allowed');
      if (mode.mode === 'user' && state.username === null)
        return refuse(401, 'log in to Proxmox VE first', { 'X-Deck-Pve-Login': 'required' });
      // the deck forwards it: whatever answers PVE behind this stand-in does
      return undefined;
    }),
  ];
  return {
    handlers,
    state,
    /** what reached anything but the login, the realms and the deck's session */
    get inventoryRequests() {
      return state.requests.filter((r) => !/ \/pve-api\/(deck\/session|api2\/json\/access\/(domains|ticket))$/.test(r));
    },
  };
}
