import { useQuery } from '@tanstack/react-query';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { pveQueries } from './pve-api';

interface PveRealmSelectProps {
  /** the user's choice, or until they pick one PVE's default realm (pveDefaultRealm) */
  value: string;
  onChange: (realm: string) => void;
}

/** PVE's realms from /access/domains, in PVE's order. */
export function PveRealmSelect({ value: shown, onChange }: PveRealmSelectProps) {
  const domains = useQuery(pveQueries.domains());
  const list = domains.data ?? [];
  return (
    <Field label="Realm" error={domains.error ? `The realms could not be read: ${domains.error.message}` : undefined}>
      <Select value={shown} onChange={(e) => onChange(e.target.value)}>
        {shown && !list.some((d) => d.realm === shown) ? <option value={shown}>{shown}</option> : null}
        {list.map((d) => (
          <option key={d.realm} value={d.realm}>
            {d.comment ? `${d.comment} (${d.realm})` : d.realm}
          </option>
        ))}
      </Select>
    </Field>
  );
}
