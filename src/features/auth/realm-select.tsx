import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { authQueries } from './api';

interface RealmSelectProps {
  value: string;
  onChange: (realm: string) => void;
}

/** Realms from /access/domains; the server's default realm is chosen until the user picks one. */
export function RealmSelect({ value, onChange }: RealmSelectProps) {
  const { data: domains } = useQuery(authQueries.domains());
  const fallback = domains?.find((d) => d.default)?.realm ?? domains?.[0]?.realm;

  useEffect(() => {
    if (!value && fallback) onChange(fallback);
  }, [value, fallback, onChange]);

  const options = domains ?? [
    { realm: 'pam', comment: 'Linux PAM standard authentication' },
    { realm: 'pbs', comment: 'Proxmox Backup authentication server' },
  ];
  return (
    <Field label="Realm">
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        {value && !options.some((d) => d.realm === value) ? <option value={value}>{value}</option> : null}
        {options.map((d) => (
          <option key={d.realm} value={d.realm}>
            {d.comment ? `${d.comment} (${d.realm})` : d.realm}
          </option>
        ))}
      </Select>
    </Field>
  );
}
