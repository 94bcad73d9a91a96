import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { completeTfa, type LoginResult, type TfaKind } from '@/api/auth';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Tabs } from '@/components/ui/tabs';
import { tfaErrorText } from './login-errors';

interface TfaStepProps {
  challenge: Extract<LoginResult, { kind: 'tfa' }>;
  onLoggedIn: () => void;
  onCancel: () => void;
}

function TfaForm({ kind, challenge, onLoggedIn, onCancel }: TfaStepProps & { kind: TfaKind }) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const mutation = useMutation({
    mutationFn: () => completeTfa(challenge.ticket, kind, value, challenge.username),
    networkMode: 'always',
    onSuccess: () => onLoggedIn(),
  });
  const left = challenge.challenge.recovery?.length ?? 0;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      <Field label={kind === 'totp' ? 'TOTP code' : 'Recovery key'}>
        <Input
          name={kind}
          inputMode={kind === 'totp' ? 'numeric' : undefined}
          autoComplete={kind === 'totp' ? 'one-time-code' : 'off'}
          required
          ref={input}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
      {kind === 'recovery' ? (
        <p className={left <= 3 ? 'text-sm text-amber-800 dark:text-amber-300' : 'text-sm'}>
          {left} recovery keys left.
        </p>
      ) : null}
      {mutation.error ? <ErrorState title={tfaErrorText(mutation.error)} /> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" className="flex-1" disabled={mutation.isPending}>
          {mutation.isPending ? 'Checking…' : 'Confirm'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/** Second login step; PBS lists in the challenge only the factors this user has. */
export function TfaStep(props: TfaStepProps) {
  const { totp, recovery } = props.challenge.challenge;
  const kinds: TfaKind[] = [...(totp ? (['totp'] as const) : []), ...(recovery?.length ? (['recovery'] as const) : [])];
  const title = <h2 className="mb-3 text-base font-semibold">Second login factor</h2>;
  if (kinds.length === 0) {
    return (
      <>
        {title}
        <ErrorState title="This account needs a second factor PBS Deck does not support (WebAuthn, Yubico OTP)." />
        <Button className="mt-3" onClick={props.onCancel}>
          Back
        </Button>
      </>
    );
  }
  if (kinds.length === 1) {
    return (
      <>
        {title}
        <TfaForm {...props} kind={kinds[0] ?? 'totp'} />
      </>
    );
  }
  return (
    <>
      {title}
      <Tabs
        label="Second factor"
        items={[
          { id: 'totp', label: 'Authenticator app (TOTP)', content: <TfaForm {...props} kind="totp" /> },
          { id: 'recovery', label: 'Recovery', content: <TfaForm {...props} kind="recovery" /> },
        ]}
      />
    </>
  );
}
