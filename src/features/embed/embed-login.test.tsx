import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupTestServer } from '@/test/render-app';
import { EmbedApp } from './embed-app';

// A deck without EMBED_TOKEN as the browser sees it: reads answer "log in" until /embed-api/login
// succeeds; then the simulator answers them (the deck's side is in server/embed-session.test.ts).
const slow = { timeout: 10_000 };
const t = setupTestServer({ handlers: { embedApi: true } });
let session = false;
const sent: unknown[] = [];

function loginDeck(secure = true) {
  session = false;
  sent.length = 0;
  t.server.use(
    http.get('/deck/config', () =>
      HttpResponse.json({ embed: { enabled: true, auth: 'login', secure, messageOrigins: [] } }),
    ),
    http.get('/embed-api/*', () =>
      session
        ? undefined
        : new HttpResponse('log in: this view reads the backup server with your own PBS login', { status: 401 }),
    ),
    http.post('/embed-api/login', async ({ request }) => {
      const body = (await request.json()) as Record<string, string>;
      sent.push(body);
      if (body.username === 'totp@pbs' && body.password === 'demo')
        return HttpResponse.json({ tfa: ['totp', 'recovery'] });
      if (body.password !== 'demo' && body.tfa !== 'totp:123456')
        return new HttpResponse('permission check failed.', { status: 401 });
      session = true;
      return HttpResponse.json({ username: body.username ?? 'totp@pbs' });
    }),
    http.post('/embed-api/logout', () => {
      session = false;
      return HttpResponse.json({ loggedOut: true });
    }),
  );
}

const renderEmbed = () => render(<EmbedApp pathname="/embed/overview" search="" retry={0} />);

describe('embed views with the in-frame login', () => {
  it("asks for a login, shows PBS's refusal in place, shows the datastores after it, and signs out", async () => {
    loginDeck();
    const user = userEvent.setup();
    renderEmbed();
    await user.type(await screen.findByLabelText('User (name@realm)', {}, slow), 'audit@pbs');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('permission check failed.');
    expect(session).toBe(false);

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const store = t.sim.datastoreUsage()[0]!.store;
    expect(await screen.findByRole('region', { name: `Datastore ${store}` }, slow)).toBeInTheDocument();
    expect(sent.at(-1)).toEqual({ username: 'audit@pbs', password: 'demo' });
    expect(screen.queryByLabelText('Password')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Password', {}, slow)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: `Datastore ${store}` })).toBeNull();
  });

  it('asks for the second factor when PBS wants one', async () => {
    loginDeck();
    const user = userEvent.setup();
    renderEmbed();
    await user.type(await screen.findByLabelText('User (name@realm)', {}, slow), 'totp@pbs');
    await user.type(screen.getByLabelText('Password'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await user.type(await screen.findByLabelText('Authenticator code or recovery key'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^Backups: / }, slow)).toBeInTheDocument();
    expect(sent.at(-1)).toEqual({ tfa: 'totp:123456' });
  });

  it('explains that the login needs HTTPS, and offers no password field, on a deck without TLS', async () => {
    loginDeck(false);
    renderEmbed();
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent(
      /Logging in here needs HTTPS.*only over HTTPS/,
    );
    expect(screen.queryByLabelText('Password')).toBeNull();
  });
});
