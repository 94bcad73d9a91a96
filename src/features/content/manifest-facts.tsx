import { useQuery } from '@tanstack/react-query';
import { Skeleton } from '@/components/ui/skeleton';
import { contentQueries } from './api';
import type { DetailRef } from './url-state';

const dt = 'text-xs text-neutral-600 dark:text-neutral-400';

/** What the snapshot's manifest (index.json.blob) says beyond the snapshot list. */
export function ManifestFacts({ store, snapshot, mayRead }: { store: string; snapshot: DetailRef; mayRead: boolean }) {
  const { data, error, isPending } = useQuery({ ...contentQueries.manifest({ store, ...snapshot }), enabled: mayRead });
  if (!mayRead)
    return (
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        Reading the manifest needs the Datastore.Read privilege.
      </p>
    );
  if (isPending) return <Skeleton className="h-16" label="Loading the manifest…" />;
  if (error) return <p className="text-xs text-red-800 dark:text-red-300">Cannot read the manifest: {error.message}</p>;
  const fingerprint = data.unprotected?.['key-fingerprint'];
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      <dt className={dt}>Signature</dt>
      <dd>{data.signature ? 'Signed by the client key' : 'Not signed'}</dd>
      {fingerprint ? (
        <>
          <dt className={dt}>Key fingerprint</dt>
          <dd className="font-mono text-xs break-all">{fingerprint}</dd>
        </>
      ) : null}
      <dt className={dt}>Archives</dt>
      <dd>
        <ul className="space-y-0.5">
          {data.files.map((f) => (
            <li key={f.filename} className="text-xs">
              <span className="font-mono">{f.filename}</span>
              {f.csum ? (
                <span className="ml-1 text-neutral-600 dark:text-neutral-400" title={`SHA-256 ${f.csum}`}>
                  sha256 {f.csum.slice(0, 12)}…
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}
