import { Search } from 'lucide-react';
import { startTransition, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ENCRYPTION_FILTERS, VERIFY_FILTERS, type ContentFilters } from './content-filters';

interface ContentToolbarProps {
  filters: ContentFilters;
  onChange: (next: Partial<ContentFilters>) => void;
  /** the background search's progress line */
  progress?: ReactNode;
}

const field =
  'h-8 rounded-md border border-neutral-300 bg-white px-2 text-sm dark:border-neutral-600 dark:bg-neutral-900';
const labelText = 'text-xs font-medium text-neutral-700 dark:text-neutral-300';
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
        <label className="flex min-w-0 flex-[1_1_16rem] flex-col gap-1">
          <span className={labelText}>Search guests (id, name, owner, type) in this namespace and below</span>
          <span className="relative">
            <Search aria-hidden className="pointer-events-none absolute top-2 left-2 size-4 text-neutral-500" />
            <input
              type="search"
              value={text}
              placeholder="e.g. web01, vm/101, root@pam"
              className={`${field} w-full pl-8`}
              onChange={(e) => {
                const q = e.target.value;
                setText(q);
                setTyped((t) => [...t.slice(-31), q]);
                startTransition(() => onChange({ q }));
              }}
            />
          </span>
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelText}>Snapshots from</span>
          <input
            type="date"
            value={filters.from}
            className={field}
            onChange={(e) => onChange({ from: e.target.value })}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelText}>to</span>
          <input type="date" value={filters.to} className={field} onChange={(e) => onChange({ to: e.target.value })} />
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelText}>Verify state</span>
          <select
            value={filters.verify}
            className={field}
            onChange={(e) => onChange({ verify: e.target.value as ContentFilters['verify'] })}
          >
            <option value="">Any</option>
            {VERIFY_FILTERS.map((v) => (
              <option key={v} value={v}>
                {VERIFY_TEXT[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelText}>Encryption</span>
          <select
            value={filters.enc}
            className={field}
            onChange={(e) => onChange({ enc: e.target.value as ContentFilters['enc'] })}
          >
            <option value="">Any</option>
            {ENCRYPTION_FILTERS.map((v) => (
              <option key={v} value={v}>
                {ENC_TEXT[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelText}>Protected</span>
          <select
            value={filters.prot}
            className={field}
            onChange={(e) => onChange({ prot: e.target.value as ContentFilters['prot'] })}
          >
            <option value="">Any</option>
            <option value="yes">Protected</option>
            <option value="no">Not protected</option>
          </select>
        </label>
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
