import { useQuery } from '@tanstack/react-query';
import { Select } from '@/components/ui/select';
import { verifyQueries } from './api';
import { useVerifyTargetOffers } from './target-offer';

interface NamespaceSelectProps {
  store: string;
  value: string;
  onChange: (ns: string) => void;
  /** the user the job is made for: only namespaces where PBS would take the job are offered */
  authId?: string | undefined;
}

/**
 * The datastore's namespaces where the job may go; the current value stays selectable even before (or without) the
 * list, or where PBS would refuse it (the form says why). Inside a Field.
 */
export function NamespaceSelect({ store, value, onChange, authId }: NamespaceSelectProps) {
  const { data } = useQuery({ ...verifyQueries.namespaces(store), enabled: store !== '' });
  const names = new Set((data ?? []).map((n) => n.ns));
  names.add('');
  names.add(value);
  const sorted = [...names].sort();
  const offers = useVerifyTargetOffers(authId, store, sorted);
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value)}>
      {sorted
        .filter((ns, i) => ns === value || offers[i]?.offered !== false)
        .map((ns) => (
          <option key={ns} value={ns}>
            {ns === '' ? 'Root namespace' : ns}
          </option>
        ))}
    </Select>
  );
}
