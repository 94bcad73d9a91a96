import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { Button } from '@/components/ui/button';
import { embedLogin, type LoginAnswer } from './embed-login-request';

type Kinds = Extract<LoginAnswer, { tfa: unknown }>['tfa'];

function Field({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        required
        className="h-7 min-w-0 rounded-md border border-neutral-400 bg-white px-2 text-sm dark:border-neutral-500 dark:bg-neutral-900"
        {...input}
      />
    </div>
  );
}

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
        <Field
          label={factorLabel(kinds)}
          name="tfa"
          autoComplete="one-time-code"
          value={factor}
          onChange={(e) => setFactor(e.target.value)}
        />
      ) : (
        <>
          <Field
            label="User (name@realm)"
            name="username"
            autoComplete="username"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
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
