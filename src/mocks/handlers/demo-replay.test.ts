import { getResponse } from 'msw';
import { describeAction, replayActions } from './demo-replay';
import { createHandlers } from './handlers';
import { createSimHost } from '../sim-host';

async function put(host: ReturnType<typeof createSimHost>, url: string, body: string) {
  const { ticket, CSRFPreventionToken } = host.auth.issueTicket('root@pam');
  const request = new Request(new URL(url, location.origin), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', CSRFPreventionToken },
    body,
  });
  const action = await describeAction(host, request, { PBSAuthCookie: ticket });
  document.cookie = `PBSAuthCookie=${encodeURIComponent(ticket)}; path=/`;
  const handlers = createHandlers({ host, authFailDelayMs: 0 });
  const response = await getResponse(handlers, request, { baseUrl: location.origin });
  document.cookie = 'PBSAuthCookie=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  return { action, status: response?.status };
}

describe('demo persistence', () => {
  it('rebuilds a changed datastore config from the seed and the logged change', async () => {
    const startTime = 1_780_000_000;
    const first = createSimHost({ seed: 5, startTime });
    const store = first.sim.listDatastores()[0]!.store;
    const { action, status } = await put(first, `/api2/json/config/datastore/${store}`, 'comment=kept%20across%20reloads');
    expect(status).toBe(200);
    expect(action).toMatchObject({ method: 'PUT', authid: 'root@pam' });

    document.cookie = 'PBSAuthCookie=visitor; path=/';
    const second = createSimHost({ seed: 5, startTime });
    await replayActions(second, [action!]);
    expect(second.sim.datastoreConfig(store).comment).toBe('kept across reloads');
    expect(document.cookie).toContain('PBSAuthCookie=visitor');
  });

  it('does not log reads or logins', async () => {
    const host = createSimHost({ seed: 5 });
    const read = new Request(new URL('/api2/json/version', location.origin));
    const login = new Request(new URL('/api2/json/access/ticket', location.origin), { method: 'POST', body: 'x' });
    expect(await describeAction(host, read, {})).toBeNull();
    expect(await describeAction(host, login, {})).toBeNull();
  });
});
