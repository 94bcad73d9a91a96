import { useQuery } from '@tanstack/react-query';
import { verifyQueries } from './api';
import { controlClass } from './form-field';

interface NamespaceSelectProps {
  store: string;
  value: string;
  onChange: (ns: string) => void;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** The datastore's namespaces; the current value stays selectable even before (or without) the list. */
export function NamespaceSelect({ store, value, onChange, ...aria }: NamespaceSelectProps) {
  const { data } = useQuery({ ...verifyQueries.namespaces(store), enabled: store !== '' });
  const names = new Set((data ?? []).map((n) => n.ns));
  names.add('');
  names.add(value);
  return (
    <select className={controlClass} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      {[...names].sort().map((ns) => (
        <option key={ns} value={ns}>
          {ns === '' ? 'Root namespace' : ns}
        </option>
      ))}
    </select>
  );
}
