import { Search } from 'lucide-react';
import { startTransition, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ENCRYPTION_FILTERS, VERIFY_FILTERS, type ContentFilters } from './content-filters';

interface ContentToolbarProps {
  filters: ContentFilters;
  onChange: (next: Partial<ContentFilters>) => void;
  /** the background search's progress line */
  progress?: ReactNode;
}

const VERIFY_TEXT = { ok: 'OK', failed: 'Failed', none: 'Not verified', outdated: 'OK, older than 30 days' } as const;
const ENC_TEXT = { none: 'None', signed: 'Signed', encrypted: 'Encrypted' } as const;

/** The search box (groups, across namespaces) and the snapshot filters; all of it lives in the URL. */
export function ContentToolbar({ filters, onChange, progress }: ContentToolbarProps) {
  // The box answers each key at once; the URL (and the tree) follow as a transition. A URL change that echoes what
  // was typed (possibly an older key, committed late) leaves the box alone; any other (back, a link) replaces it.
  const [text, setText] = useState(filters.q);
  const [seen, setSeen] = useState(filters.q);
  const [typed, setTyped] = useState<readonly string[]>([]);
  if (filters.q !== seen) {
    setSeen(filters.q);
    if (!typed.includes(filters.q)) {
      setText(filters.q);
      setTyped([]);
    }
  }
  const active = Object.values(filters).some((v) => v !== '');
  return (
    <div className="space-y-2" role="search" aria-label="Search and filter backups">
      <div className="flex flex-wrap items-end gap-2">
        <Field
          label="Search guests (id, name, owner, type) in this namespace and below"
          size="sm"
          className="min-w-0 flex-[1_1_16rem]"
        >
          <span className="relative flex">
            <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-neutral-500" />
            <Input
              type="search"
              value={text}
              placeholder="e.g. web01, vm/101, root@pam"
              className="flex-1 pl-8"
              onChange={(e) => {
                const q = e.target.value;
                setText(q);
                setTyped((t) => [...t.slice(-31), q]);
                startTransition(() => onChange({ q }));
              }}
            />
          </span>
        </Field>
        <Field label="Snapshots from" size="sm">
          <Input type="date" value={filters.from} onChange={(e) => onChange({ from: e.target.value })} />
        </Field>
        <Field label="to" size="sm">
          <Input type="date" value={filters.to} onChange={(e) => onChange({ to: e.target.value })} />
        </Field>
        <Field label="Verify state" size="sm">
          <Select
            value={filters.verify}
            onChange={(e) => onChange({ verify: e.target.value as ContentFilters['verify'] })}
          >
            <option value="">Any</option>
            {VERIFY_FILTERS.map((v) => (
              <option key={v} value={v}>
                {VERIFY_TEXT[v]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Encryption" size="sm">
          <Select value={filters.enc} onChange={(e) => onChange({ enc: e.target.value as ContentFilters['enc'] })}>
            <option value="">Any</option>
            {ENCRYPTION_FILTERS.map((v) => (
              <option key={v} value={v}>
                {ENC_TEXT[v]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Protected" size="sm">
          <Select value={filters.prot} onChange={(e) => onChange({ prot: e.target.value as ContentFilters['prot'] })}>
            <option value="">Any</option>
            <option value="yes">Protected</option>
            <option value="no">Not protected</option>
          </Select>
        </Field>
        {active ? (
          <Button
            size="sm"
            variant="ghost"
            className="mb-0.5"
            onClick={() => {
              setText('');
              onChange({ q: '', from: '', to: '', verify: '', enc: '', prot: '' });
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
      {progress}
    </div>
  );
}
