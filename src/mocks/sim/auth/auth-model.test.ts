import { AuthFailure, createAuthModel } from './auth-model';
import { DEMO_RECOVERY_KEYS, DEMO_TOKEN_ID, DEMO_TOTP_SECRET, tokenSecretFor } from './demo-users';
import { base32Decode, totpAt } from './totp';

function setup() {
  let nowMs = 1_780_000_000_000;
  const settings = { ticketLifetime: 7200 };
  const auth = createAuthModel({ seed: 42, realNow: () => nowMs, settings });
  return { auth, settings, tick: (s: number) => (nowMs += s * 1000), now: () => Math.floor(nowMs / 1000) };
}

describe('auth model', () => {
  it('issues PBS-format tickets and CSRF tokens that authenticate', () => {
    const { auth, now } = setup();
    const r = auth.login('root@pam', 'demo');
    const hex = now().toString(16).toUpperCase();
    expect(r.ticket).toMatch(new RegExp(`^PBS:root@pam:${hex}::[A-Za-z0-9+/]{43}$`));
    expect(r.CSRFPreventionToken).toMatch(new RegExp(`^${hex}:[A-Za-z0-9+/]{43}$`));
    expect(auth.authenticate({ method: 'GET', ticket: r.ticket })).toBe('root@pam');
    expect(auth.authenticate({ method: 'POST', ticket: r.ticket, csrfToken: r.CSRFPreventionToken })).toBe('root@pam');
  });

  it("refuses a wrong password, a tampered ticket, a write without CSRF and another user's CSRF token", () => {
    const { auth } = setup();
    expect(() => auth.login('root@pam', 'nope')).toThrow(AuthFailure);
    const root = auth.login('root@pam', 'demo');
    const audit = auth.login('audit@pbs', 'demo');
    expect(() => auth.authenticate({ method: 'GET', ticket: root.ticket.replace('root@pam', 'audit@pbs') })).toThrow(
      'invalid signature',
    );
    expect(() => auth.authenticate({ method: 'POST', ticket: root.ticket })).toThrow('missing CSRF prevention token');
    expect(() =>
      auth.authenticate({ method: 'PUT', ticket: root.ticket, csrfToken: audit.CSRFPreventionToken }),
    ).toThrow('invalid csrf token');
  });

  it('keeps a ticket valid from -300 s to the lifetime, then refuses it and its renewal', () => {
    const { auth, settings, tick } = setup();
    const { ticket } = auth.login('audit@pbs', 'demo');
    tick(7200);
    expect(auth.authenticate({ method: 'GET', ticket })).toBe('audit@pbs');
    expect(auth.login('audit@pbs', ticket).ticket).not.toBe(ticket);
    tick(1);
    expect(() => auth.authenticate({ method: 'GET', ticket })).toThrow('expired');
    expect(() => auth.login('audit@pbs', ticket)).toThrow(AuthFailure);
    settings.ticketLifetime = 60;
    const fresh = auth.login('audit@pbs', 'demo').ticket;
    tick(61);
    expect(() => auth.authenticate({ method: 'GET', ticket: fresh })).toThrow('expired');
  });

  it('expires every ticket issued so far on request, and lets a new login in within the same second', () => {
    const { auth, now } = setup();
    const before = auth.login('root@pam', 'demo');
    auth.expireTickets();
    expect(() => auth.authenticate({ method: 'GET', ticket: before.ticket })).toThrow('invalid ticket - expired');
    expect(() => auth.login('root@pam', before.ticket)).toThrow('authentication failure');
    // same real second: the new ticket carries the next second, one inside PBS's 300 s allowance for clock skew
    const after = auth.login('root@pam', 'demo');
    expect(after.ticket).toContain(`:${(now() + 1).toString(16).toUpperCase()}::`);
    expect(auth.authenticate({ method: 'POST', ticket: after.ticket, csrfToken: after.CSRFPreventionToken })).toBe(
      'root@pam',
    );
  });

  it("renews only for the ticket's own user", () => {
    const { auth } = setup();
    const { ticket } = auth.login('audit@pbs', 'demo');
    expect(() => auth.login('root@pam', ticket)).toThrow('wrong userid');
  });

  it('runs the two-step TFA login with TOTP (no reuse) and single-use recovery keys', () => {
    const { auth, now, tick } = setup();
    const first = auth.login('totp@pbs', 'demo');
    expect(first.CSRFPreventionToken).toBe('invalid');
    expect(first.ticket.startsWith('PBS:!tfa!')).toBe(true);
    const challenge = JSON.parse(decodeURIComponent(first.ticket.split(':')[1]!.slice(5)));
    expect(challenge).toEqual({ totp: true, recovery: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(() => auth.authenticate({ method: 'GET', ticket: first.ticket })).toThrow(AuthFailure);

    const code = totpAt(base32Decode(DEMO_TOTP_SECRET), now());
    expect(() => auth.login('totp@pbs', 'totp:000000', first.ticket)).toThrow(AuthFailure);
    const full = auth.login('totp@pbs', `totp:${code}`, first.ticket);
    expect(auth.authenticate({ method: 'GET', ticket: full.ticket })).toBe('totp@pbs');
    expect(() => auth.login('totp@pbs', `totp:${code}`, first.ticket)).toThrow('reused');

    const key = DEMO_RECOVERY_KEYS[3]!;
    auth.login('totp@pbs', `recovery:${key}`, first.ticket);
    expect(() => auth.login('totp@pbs', `recovery:${key}`, first.ticket)).toThrow(AuthFailure);
    const again = auth.login('totp@pbs', 'demo');
    expect(JSON.parse(decodeURIComponent(again.ticket.split(':')[1]!.slice(5))).recovery).not.toContain(3);

    tick(601);
    expect(() => auth.login('totp@pbs', `recovery:${DEMO_RECOVERY_KEYS[0]}`, again.ticket)).toThrow('expired');
  });

  it('lists permissions as /access/permissions does', () => {
    const { auth } = setup();
    const root = auth.permissions('root@pam');
    expect(Object.keys(root)).toEqual(['/', '/access', '/datastore', '/remote', '/system']);
    expect(root['/']!['Datastore.Modify']).toBe(true);
    expect(Object.keys(root['/']!)).toHaveLength(20);
    expect(auth.permissions('audit@pbs')['/datastore']).toEqual({ 'Sys.Audit': true, 'Datastore.Audit': true });
    const totp = auth.permissions('totp@pbs');
    expect(Object.keys(totp)).toEqual(['/datastore']);
    expect(auth.permissions('totp@pbs', '/system')).toEqual({});
  });

  it("authenticates the dashboard token, whose privileges never exceed its user's", () => {
    const { auth } = setup();
    const secret = tokenSecretFor(42, DEMO_TOKEN_ID);
    expect(secret).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(auth.authenticate({ method: 'POST', authorization: `PBSAPIToken=${DEMO_TOKEN_ID}:${secret}` })).toBe(
      DEMO_TOKEN_ID,
    );
    expect(auth.authenticate({ method: 'GET', authorization: `PBSAPIToken ${DEMO_TOKEN_ID}:${secret}` })).toBe(
      DEMO_TOKEN_ID,
    );
    expect(() => auth.authenticate({ method: 'GET', authorization: `PBSAPIToken=${DEMO_TOKEN_ID}:x` })).toThrow();
    auth.addAcl({ path: '/datastore', ugid: DEMO_TOKEN_ID, roleid: 'Admin', propagate: true });
    expect(auth.permissions(DEMO_TOKEN_ID)['/datastore']).toEqual({ 'Sys.Audit': true, 'Datastore.Audit': true });
  });

  it('applies NoAccess and non-propagating entries like PBS', () => {
    const { auth } = setup();
    auth.addUser({ userid: 'bob@pbs', password: 'x', enable: true, expire: 0 });
    auth.addAcl({ path: '/datastore', ugid: 'bob@pbs', roleid: 'DatastoreAdmin', propagate: true });
    auth.addAcl({ path: '/datastore/secret', ugid: 'bob@pbs', roleid: 'NoAccess', propagate: true });
    auth.addAcl({ path: '/system', ugid: 'bob@pbs', roleid: 'Audit', propagate: false });
    expect(auth.privs('bob@pbs', '/datastore/other/ns')).not.toBe(0);
    expect(auth.privs('bob@pbs', '/datastore/secret')).toBe(0);
    expect(auth.privs('bob@pbs', '/system')).not.toBe(0);
    expect(auth.privs('bob@pbs', '/system/tasks')).toBe(0);
    expect(auth.permissions('bob@pbs')['/system']).toEqual({ 'Sys.Audit': false, 'Datastore.Audit': false });
  });
});
