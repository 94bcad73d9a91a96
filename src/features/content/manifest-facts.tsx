import { useQuery } from '@tanstack/react-query';
import { Skeleton } from '@/components/ui/skeleton';
import { contentQueries } from './api';
import type { Offer } from '@/lib/access-rules';
import type { DetailRef } from './url-state';

const dt = 'text-xs text-neutral-600 dark:text-neutral-400';

/**
 * What the snapshot's manifest (index.json.blob) says beyond the snapshot list. `read`: whether PBS lets the user
 * download it (download_file_decoded: Datastore.Read, or Datastore.Backup as the group's owner).
 */
export function ManifestFacts({ store, snapshot, read }: { store: string; snapshot: DetailRef; read: Offer }) {
  const { data, error, isPending } = useQuery({
    ...contentQueries.manifest({ store, ...snapshot }),
    enabled: read.offered,
  });
  if (!read.offered)
    return <p className="text-xs text-neutral-600 dark:text-neutral-400">Reading the manifest: {read.reason}.</p>;
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
