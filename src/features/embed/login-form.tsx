import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PasswordField } from '@/components/ui/password-field';
import { embedLogin, type LoginAnswer } from './embed-login-request';

type Kinds = Extract<LoginAnswer, { tfa: unknown }>['tfa'];

const factorLabel = (kinds: Kinds) =>
  kinds.length > 1 ? 'Authenticator code or recovery key' : kinds[0] === 'totp' ? 'Authenticator code' : 'Recovery key';

/** Six to eight digits are a TOTP code; anything else a recovery key, when the account has them. */
const factorOf = (kinds: Kinds, value: string) =>
  kinds.includes('totp') && (/^\d{6,8}$/.test(value) || !kinds.includes('recovery'))
    ? `totp:${value}`
    : `recovery:${value}`;

/** The frame's own login (no EMBED_TOKEN on the deck): user and password, then a second factor when asked. */
export function EmbedLoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [factor, setFactor] = useState('');
  const [kinds, setKinds] = useState<Kinds | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const step = kinds ? { tfa: factorOf(kinds, factor.replace(/\s+/g, '')) } : { username: username.trim(), password };
    embedLogin(step)
      .then((answer) => {
        if ('tfa' in answer) {
          setKinds(answer.tfa);
          setPassword('');
        } else onLoggedIn();
      })
      .catch((e: unknown) => {
        setError(e instanceof Error ? e.message : 'login failed');
        // An expired second-factor step starts over.
        if (kinds && /log in again/.test(String((e as Error)?.message))) setKinds(null);
      })
      .finally(() => setBusy(false));
  };

  return (
    <form aria-labelledby="embed-login-title" className="max-w-xs space-y-2" onSubmit={submit}>
      <h1 id="embed-login-title" className="text-sm font-semibold">
        Log in to see the backups
      </h1>
      {kinds ? (
        <Field label={factorLabel(kinds)} size="sm">
          <Input
            name="tfa"
            autoComplete="one-time-code"
            required
            value={factor}
            onChange={(e) => setFactor(e.target.value)}
          />
        </Field>
      ) : (
        <>
          <Field label="User (name@realm)" size="sm">
            <Input
              name="username"
              autoComplete="username"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <PasswordField value={password} onChange={setPassword} size="sm" />
        </>
      )}
      {error ? (
        <p role="alert" className="text-xs break-words text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="sm" disabled={busy}>
        {busy ? 'Logging in…' : kinds ? 'Confirm' : 'Log in'}
      </Button>
    </form>
  );
}
