import { z } from 'zod';
import {
  completeTfa,
  getSession,
  login,
  logout,
  onSessionEnded,
  parseTicketTime,
  renew,
  restoreSession,
  startRenewal,
  stopRenewal,
  subscribe,
  type Session,
} from './auth';
import { apiGet, apiPost, PbsError, setFetch } from './client';
import { createFakeFetch, pbsResponse, type SentRequest } from './testing/fake-fetch';

const TICKET_1 = 'PBS:root@pam:66601A2B::c2lnbmF0dXJlMQ';
const TICKET_2 = 'PBS:root@pam:66601E00::c2lnbmF0dXJlMg';
const tfaTicket = (challenge: object) => `PBS:!tfa!${encodeURIComponent(JSON.stringify(challenge))}:66601A2B::c2ln`;

/** A minimal PBS /access/ticket: answers by the posted form, everything else from `other`. */
function fakePbs(other: (r: SentRequest) => Response = () => pbsResponse(200, { data: null })) {
  return createFakeFetch((request) => {
    if (!request.url.endsWith('/access/ticket')) return other(request);
    const form = new URLSearchParams(request.body);
    const password = form.get('password');
    const username = form.get('username') ?? '';
    const ok = (ticket: string, csrf: string) =>
      pbsResponse(200, { data: { username, ticket, CSRFPreventionToken: csrf } });
    if (form.get('tfa-challenge'))
      return password === 'totp:123456' ? ok(TICKET_1, 'CSRF-1') : pbsResponse(401, 'permission check failed.');
    if (username === 'totp@pbs' && password === 'demo')
      return ok(tfaTicket({ totp: true, recovery: [0, 3] }), 'invalid');
    if (password === 'demo') return ok(TICKET_1, 'CSRF-1');
    if (password === TICKET_1) return ok(TICKET_2, 'CSRF-2');
    return pbsResponse(401, 'permission check failed.');
  });
}

function cookieValue(): string | null {
  const match = /(?:^|; )PBSAuthCookie=([^;]*)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

afterEach(() => {
  stopRenewal();
  logout();
  setFetch(null);
  vi.useRealTimers();
});

describe('login', () => {
  it('joins user and realm, keeps the ticket in PBSAuthCookie and sends the CSRF token on writes', async () => {
    const fake = fakePbs();
    setFetch(fake.fetchFn);
    const result = await login({ username: 'root', password: 'demo', realm: 'pam' });

    expect(result.kind).toBe('ok');
    expect(new URLSearchParams(fake.requests[0]?.body).get('username')).toBe('root@pam');
    expect(cookieValue()).toBe(TICKET_1);
    expect(getSession()).toMatchObject({
      username: 'root@pam',
      csrfToken: 'CSRF-1',
      state: 'active',
      ticketTime: 0x66601a2b,
    });

    await apiPost('/admin/datastore/store1/gc', z.null());
    expect(fake.requests[1]?.headers.csrfpreventiontoken).toBe('CSRF-1');
  });

  it("rejects a wrong password with PBS's 401 text and keeps no session", async () => {
    setFetch(fakePbs().fetchFn);
    const ended = vi.fn();
    const off = onSessionEnded(ended);
    const error = await login({ username: 'root', password: 'nope', realm: 'pam' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PbsError);
    expect(error).toMatchObject({ status: 401, message: 'permission check failed.' });
    expect(getSession()).toBeNull();
    expect(ended).not.toHaveBeenCalled();
    off();
  });

  it('returns the TFA challenge from the partial ticket, then completes with a TOTP code', async () => {
    const fake = fakePbs();
    setFetch(fake.fetchFn);
    const first = await login({ username: 'totp', password: 'demo', realm: 'pbs' });
    if (first.kind !== 'tfa') throw new Error('expected a TFA step');
    expect(first.challenge).toEqual({ totp: true, recovery: [0, 3] });
    expect(getSession()).toBeNull();
    expect(cookieValue()).toBeNull();

    await completeTfa(first.ticket, 'totp', ' 123456 ');
    const sent = new URLSearchParams(fake.requests[1]?.body);
    expect(Object.fromEntries(sent)).toEqual({
      username: 'totp@pbs',
      'tfa-challenge': first.ticket,
      password: 'totp:123456',
    });
    expect(getSession()).toMatchObject({ state: 'active', csrfToken: 'CSRF-1' });
  });

  it('sends a recovery key as recovery:<key>', async () => {
    const fake = fakePbs();
    setFetch(fake.fetchFn);
    const first = await login({ username: 'totp@pbs', password: 'demo' });
    if (first.kind !== 'tfa') throw new Error('expected a TFA step');
    await expect(completeTfa(first.ticket, 'recovery', 'abcd-ef01')).rejects.toMatchObject({ status: 401 });
    expect(new URLSearchParams(fake.requests[1]?.body).get('password')).toBe('recovery:abcd-ef01');
  });
});

describe('session', () => {
  it('survives a reload of the tab while the ticket is fresh', async () => {
    setFetch(fakePbs().fetchFn);
    await login({ username: 'root', password: 'demo', realm: 'pam' });
    expect(restoreSession()).toMatchObject({ username: 'root@pam', csrfToken: 'CSRF-1', state: 'active' });
    expect(restoreSession(Date.now() + 2 * 3600 * 1000)).toBeNull();
  });

  it('is gone after logout, and subscribers hear about it', async () => {
    setFetch(fakePbs().fetchFn);
    const seen: (Session | null)[] = [];
    const off = subscribe((s) => seen.push(s));
    await login({ username: 'root', password: 'demo', realm: 'pam' });
    logout();
    expect(seen.map((s) => s?.state ?? null)).toEqual(['active', null]);
    expect(cookieValue()).toBeNull();
    expect(restoreSession()).toBeNull();
    off();
  });

  it('ends once on 401 "authentication failed", keeping the username for re-login in place', async () => {
    setFetch(fakePbs(() => pbsResponse(401, 'authentication failed - invalid ticket')).fetchFn);
    await login({ username: 'root', password: 'demo', realm: 'pam' });
    const ended = vi.fn();
    const off = onSessionEnded(ended);
    await Promise.allSettled([apiGet('/version', z.unknown()), apiGet('/nodes/localhost/status', z.unknown())]);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(getSession()).toMatchObject({ username: 'root@pam', state: 'ended' });
    expect(cookieValue()).toBeNull();
    off();
  });

  it('does not end on other 401s such as a refused owner change', async () => {
    setFetch(fakePbs(() => pbsResponse(401, 'backup owner check failed (root@pam!tok != bob@pbs)')).fetchFn);
    await login({ username: 'root', password: 'demo', realm: 'pam' });
    await expect(apiPost('/admin/datastore/s/change-owner', z.null())).rejects.toMatchObject({ status: 401 });
    expect(getSession()?.state).toBe('active');
  });
});

describe('renewal', () => {
  it('posts the current ticket as the password and takes the new ticket and CSRF token', async () => {
    const fake = fakePbs();
    setFetch(fake.fetchFn);
    await login({ username: 'root', password: 'demo', realm: 'pam' });
    await renew();
    expect(Object.fromEntries(new URLSearchParams(fake.requests[1]?.body))).toEqual({
      username: 'root@pam',
      password: TICKET_1,
    });
    expect(cookieValue()).toBe(TICKET_2);
    expect(getSession()?.csrfToken).toBe('CSRF-2');
  });

  it('ends the session when PBS refuses the ticket', async () => {
    setFetch(
      createFakeFetch((r) =>
        new URLSearchParams(r.body).get('password') === 'demo'
          ? pbsResponse(200, { data: { username: 'root@pam', ticket: TICKET_1, CSRFPreventionToken: 'CSRF-1' } })
          : pbsResponse(401, 'permission check failed.'),
      ).fetchFn,
    );
    await login({ username: 'root', password: 'demo', realm: 'pam' });
    const ended = vi.fn();
    const off = onSessionEnded(ended);
    await expect(renew()).rejects.toMatchObject({ status: 401 });
    expect(getSession()?.state).toBe('ended');
    expect(ended).toHaveBeenCalledWith('permission check failed.');
    off();
  });

  it('renews every 15 minutes once started, and retries a minute after a network failure', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let offline = false;
    const fake = fakePbs();
    setFetch((url, init) =>
      offline && url.endsWith('/access/ticket') ? Promise.reject(new TypeError('offline')) : fake.fetchFn(url, init),
    );
    await login({ username: 'root', password: 'demo', realm: 'pam' });
    startRenewal();
    const ticketPosts = () => fake.requests.filter((r) => r.url.endsWith('/access/ticket')).length;

    await vi.advanceTimersByTimeAsync(14 * 60 * 1000);
    expect(ticketPosts()).toBe(1);
    await vi.advanceTimersByTimeAsync(60 * 1000);
    expect(ticketPosts()).toBe(2);
    expect(cookieValue()).toBe(TICKET_2);

    offline = true;
    await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    expect(getSession()?.state).toBe('active');
    offline = false;
    await vi.advanceTimersByTimeAsync(60 * 1000);
    expect(ticketPosts()).toBe(3);

    stopRenewal();
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    expect(ticketPosts()).toBe(3);
  });
});

describe('parseTicketTime', () => {
  it('reads the 8-hex-digit issue time', () => {
    expect(parseTicketTime('PBS:root@pam:66601A2B::Zm9v')).toBe(0x66601a2b);
    expect(parseTicketTime(tfaTicket({ totp: true }))).toBe(0x66601a2b);
  });

  it('returns null for anything else', () => {
    expect(parseTicketTime('PVE:root@pam:66601A2B::Zm9v')).toBeNull();
    expect(parseTicketTime('PBS:root@pam:xyz::Zm9v')).toBeNull();
    expect(parseTicketTime('')).toBeNull();
  });
});
