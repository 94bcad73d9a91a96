import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { login, type LoginResult } from '@/api/auth';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PasswordField } from '@/components/ui/password-field';
import type { DemoLogin } from './api';
import { loginErrorText } from './login-errors';
import { RealmSelect } from './realm-select';

// Tabs come from react-aria; only users with a second factor need them.
const TfaStep = lazy(() => import('./tfa-step').then((m) => ({ default: m.TfaStep })));

interface LoginFormProps {
  onLoggedIn: () => void;
  /** `user@realm` to start with (re-login keeps the user who was logged in). */
  initialUserid?: string;
  /** Extra content below the form, e.g. the demo logins; it receives a setter to fill the form. */
  footer?: (fill: (login: DemoLogin) => void) => ReactNode;
}

function splitUserid(userid: string): [string, string] {
  const at = userid.lastIndexOf('@');
  return at > 0 ? [userid.slice(0, at), userid.slice(at + 1)] : [userid, ''];
}

export function LoginForm({ onLoggedIn, initialUserid = '', footer }: LoginFormProps) {
  const [initialUser, initialRealm] = splitUserid(initialUserid);
  const [username, setUsername] = useState(initialUser);
  const [realm, setRealm] = useState(initialRealm);
  const [password, setPassword] = useState('');
  const [tfa, setTfa] = useState<Extract<LoginResult, { kind: 'tfa' }> | null>(null);

  // A plain request rather than a query mutation: the login page is the console's first paint, and the
  // re-login dialog runs while queries are paused (the login itself must still go out).
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const submit = () => {
    if (pending) return;
    setPending(true);
    setError(null);
    login({ username: username.trim(), realm, password }).then(
      (result) => {
        setPending(false);
        if (result.kind === 'ok') onLoggedIn();
        else setTfa(result);
      },
      (e: unknown) => {
        setPending(false);
        setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
  };

  const fill = useCallback((demo: DemoLogin) => {
    const [u, r] = splitUserid(demo.username);
    setUsername(u);
    if (r) setRealm(r);
    setPassword(demo.password ?? '');
  }, []);

  if (tfa) {
    return (
      <Suspense fallback={<p role="status">Loading…</p>}>
        <TfaStep challenge={tfa} onLoggedIn={onLoggedIn} onCancel={() => setTfa(null)} />
      </Suspense>
    );
  }

  return (
    <>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="User name">
          <Input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <RealmSelect value={realm} onChange={setRealm} />
        <PasswordField value={password} onChange={setPassword} />
        {error ? <ErrorState title={loginErrorText(error)} /> : null}
        <Button type="submit" variant="primary" className="w-full" disabled={pending}>
          {pending ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
      {footer?.(fill)}
    </>
  );
}
