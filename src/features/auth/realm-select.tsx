import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { authQueries } from './api';
import { inputClass } from './field';

interface RealmSelectProps {
  value: string;
  onChange: (realm: string) => void;
}

/** Realms from /access/domains; the server's default realm is chosen until the user picks one. */
export function RealmSelect({ value, onChange }: RealmSelectProps) {
  const id = useId();
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
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Realm
      </label>
      <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        {value && !options.some((d) => d.realm === value) ? <option value={value}>{value}</option> : null}
        {options.map((d) => (
          <option key={d.realm} value={d.realm}>
            {d.comment ? `${d.comment} (${d.realm})` : d.realm}
          </option>
        ))}
      </select>
    </div>
  );
}
