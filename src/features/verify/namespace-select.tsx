import { useQuery } from '@tanstack/react-query';
import { Select } from '@/components/ui/select';
import { verifyQueries } from './api';

interface NamespaceSelectProps {
  store: string;
  value: string;
  onChange: (ns: string) => void;
}

/** The datastore's namespaces; the current value stays selectable even before (or without) the list. Inside a Field. */
export function NamespaceSelect({ store, value, onChange }: NamespaceSelectProps) {
  const { data } = useQuery({ ...verifyQueries.namespaces(store), enabled: store !== '' });
  const names = new Set((data ?? []).map((n) => n.ns));
  names.add('');
  names.add(value);
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value)}>
      {[...names].sort().map((ns) => (
        <option key={ns} value={ns}>
          {ns === '' ? 'Root namespace' : ns}
        </option>
      ))}
    </Select>
  );
}
