import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoTfa, renderApp, setupTestServer } from '@/test/render-app';

setupTestServer();
vi.setConfig({ testTimeout: 60_000 });

async function fillLogin(user: string, realm: string, password: string) {
  const u = userEvent.setup();
  await u.clear(await screen.findByLabelText('User name', undefined, { timeout: 10_000 }));
  await u.type(screen.getByLabelText('User name'), user);
  // Wait for the realms from /access/domains before choosing one.
  await screen.findByRole('option', { name: new RegExp(`\\(${realm}\\)`) });
  await u.selectOptions(screen.getByLabelText('Realm'), realm);
  await u.type(screen.getByLabelText('Password'), password);
  await u.click(screen.getByRole('button', { name: 'Log in' }));
  return u;
}

describe('login page', () => {
  it('sends a visitor without a session to the login page and back to where they wanted to go', async () => {
    const { router } = renderApp('/datastores/store1');
    await fillLogin('root', 'pam', 'demo');
    expect(
      // the first render after the login loads the whole console: on a busy two-core machine that took over 10 s
      await screen.findByRole('heading', { level: 1, name: /Datastore store1/ }, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/datastores/store1');
  });

  it('says in place that a wrong password failed, and keeps the form', async () => {
    renderApp('/login');
    await fillLogin('root', 'pam', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Login failed. Please check your user name, realm and password.',
    );
    expect(screen.getByLabelText('User name')).toHaveValue('root');
  });

  it('asks for the second factor and logs in with a TOTP code or a recovery key', async () => {
    renderApp('/login');
    const u = await fillLogin('totp', 'pbs', 'demo');
    expect(await screen.findByRole('heading', { name: 'Second login factor' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Authenticator app (TOTP)' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Recovery' })).toBeInTheDocument();

    await u.type(await screen.findByLabelText('TOTP code'), '000000');
    await u.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The code was not accepted');

    await u.clear(screen.getByLabelText('TOTP code'));
    await u.type(screen.getByLabelText('TOTP code'), demoTfa.totp());
    await u.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('logs in with a recovery key', async () => {
    renderApp('/login');
    const u = await fillLogin('totp', 'pbs', 'demo');
    await u.click(await screen.findByRole('tab', { name: 'Recovery' }));
    await u.type(await screen.findByLabelText('Recovery key'), demoTfa.recoveryKey);
    await u.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('lists the demo logins of the simulator and fills the form from one', async () => {
    renderApp('/login');
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: /audit@pbs/ }));
    expect(screen.getByLabelText('User name')).toHaveValue('audit');
    expect(screen.getByLabelText('Realm')).toHaveValue('pbs');
    expect(screen.getByLabelText('Password')).toHaveValue('demo');
  });
});
