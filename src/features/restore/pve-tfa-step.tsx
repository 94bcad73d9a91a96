import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PveTfaChallenge } from '@/api/schemas/pve';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Tabs } from '@/components/ui/tabs';
import { pveMutations } from './pve-api';
import { PveLoginError } from './pve-login-error';

type Factor = 'totp' | 'recovery';

interface PveTfaStepProps {
  challenge: PveTfaChallenge;
  onBack: () => void;
}

function PveTfaForm({ factor, challenge, onBack }: PveTfaStepProps & { factor: Factor }) {
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const login = useMutation(pveMutations.login());
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        // the deck adds PVE's challenge, which it keeps server-side
        login.mutate({ username: challenge.username, password: `${factor}:${code.trim()}` });
      }}
    >
      <Field label={factor === 'totp' ? 'TOTP code' : 'Recovery key'}>
        <Input
          name={factor}
          inputMode={factor === 'totp' ? 'numeric' : undefined}
          autoComplete={factor === 'totp' ? 'one-time-code' : 'off'}
          required
          ref={input}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <PveLoginError error={login.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" className="flex-1" disabled={login.isPending || login.isSuccess}>
          {login.isPending ? 'Checking…' : 'Confirm'}
        </Button>
        <Button onClick={onBack}>Back</Button>
      </div>
    </form>
  );
}

/** Proxmox VE's second login step, with the factors PVE offers this user. */
export function PveTfaStep(props: PveTfaStepProps) {
  const { totp, recovery, username } = props.challenge;
  const factors: Factor[] = [...(totp ? (['totp'] as const) : []), ...(recovery ? (['recovery'] as const) : [])];
  const title = <h4 className="text-sm font-medium">Second factor for {username}</h4>;
  const [only] = factors;
  if (only === undefined) {
    return (
      <div className="space-y-3">
        {title}
        <ErrorState
          title="This Proxmox VE account signs in with WebAuthn only, which cannot work through the deck"
          message="Ask the deck's administrator for token mode (see docs/deployment.md), or add TOTP or recovery keys to the account in Proxmox VE."
        />
        <Button onClick={props.onBack}>Back</Button>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {title}
      {factors.length === 1 ? (
        <PveTfaForm {...props} factor={only} />
      ) : (
        <Tabs
          label="Second factor"
          items={[
            { id: 'totp', label: 'Authenticator app (TOTP)', content: <PveTfaForm {...props} factor="totp" /> },
            { id: 'recovery', label: 'Recovery key', content: <PveTfaForm {...props} factor="recovery" /> },
          ]}
        />
      )}
    </div>
  );
}
