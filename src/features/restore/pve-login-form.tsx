import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { PveTfaChallenge } from '@/api/schemas/pve';
import { pveMutations, pveQueries } from './pve-api';
import { PveLoginError } from './pve-login-error';
import { pveDefaultRealm, pveUserid, type PveLoginValue } from './pve-login-value';
import { PveRealmSelect } from './pve-realm-select';

interface PveLoginFormProps {
  value: PveLoginValue;
  onChange: (value: PveLoginValue) => void;
  onTfa: (challenge: PveTfaChallenge) => void;
}

/** User, realm and password for Proxmox VE; what was typed stays when PVE refuses it. */
export function PveLoginForm({ value, onChange, onTfa }: PveLoginFormProps) {
  const domains = useQuery(pveQueries.domains());
  const realm = value.realm ?? pveDefaultRealm(domains.data ?? []);
  const login = useMutation(pveMutations.login());
  const done = login.data?.kind === 'ok';
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        login.mutate(
          { username: pveUserid(value.username, realm), password: value.password },
          { onSuccess: (result) => result.kind === 'tfa' && onTfa(result) },
        );
      }}
    >
      <Field label="User name">
        <Input
          name="username"
          autoComplete="username"
          required
          value={value.username}
          onChange={(e) => onChange({ ...value, username: e.target.value })}
        />
      </Field>
      <PveRealmSelect value={realm} onChange={(r) => onChange({ ...value, realm: r })} />
      {/* the shared PasswordField, imported here, made the bundler split the field components out of the console's
          entry chunk (+0.4 KB gzip, past the budget): the same field, written out */}
      <Field label="Password">
        <Input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
        />
      </Field>
      <PveLoginError error={login.error} />
      <Button type="submit" variant="primary" className="w-full" disabled={login.isPending || done}>
        {login.isPending ? 'Logging in…' : done ? 'Logged in' : 'Log in to Proxmox VE'}
      </Button>
    </form>
  );
}
