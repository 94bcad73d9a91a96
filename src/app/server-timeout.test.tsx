import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderApp, setupTestServer } from '@/test/render-app';

// The deck answers 504 with a plain-text message naming the server when PBS accepted the connection and then stayed
// silent past PBS_TIMEOUT_S (server/limits/upstream-timeouts.ts). The console shows that message as the deck wrote it,
// where the data would have been (query-client.test.ts: it is not asked again, the deck already waited it out).
const t = setupTestServer({ startTime: 1_796_209_200 });
const TIMEOUT = 'PBS at pbs.example.com:8007 did not answer within 60 s';

describe('a PBS that stopped answering', () => {
  it('shows the deck’s timeout message naming the server on the dashboard', async () => {
    await t.loginAs('root@pam');
    let asked = 0;
    t.server.use(
      http.get('/api2/json/status/datastore-usage', () => {
        asked += 1;
        return new HttpResponse(TIMEOUT, { status: 504, headers: { 'Content-Type': 'text/plain' } });
      }),
    );
    renderApp('/');
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent(TIMEOUT);
    expect(asked).toBeGreaterThan(0);
  });

  it('shows it at the login, not as a wrong password', async () => {
    t.server.use(
      http.post(
        '/api2/json/access/ticket',
        () => new HttpResponse(TIMEOUT, { status: 504, headers: { 'Content-Type': 'text/plain' } }),
      ),
    );
    renderApp('/login');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('User name', {}, { timeout: 15_000 }), 'root');
    await user.type(screen.getByLabelText('Password'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Login failed: ${TIMEOUT}`);
    expect(alert).not.toHaveTextContent('check your user name');
  });
});
