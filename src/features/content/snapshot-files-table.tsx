import { Link, useParams, useSearchParams } from 'react-router';
import type { SnapshotFile } from '@/api/schemas/content';
import { Bytes } from '@/components/ui/bytes';
import { OtherBadge } from '@/components/ui/enum-badge';
import { FreeText } from '@/components/ui/free-text';
import type { Offer } from '@/lib/access-rules';
import { browseHref, isFileArchive } from '@/lib/catalog-path';
import { cryptModeText } from './encryption';
import { parseDetail } from './url-state';

/** The snapshot's files; browse and download links only where PBS lets the user read the snapshot. */
export function SnapshotFilesTable({ files, download }: { files: readonly SnapshotFile[]; download: Offer }) {
  // the open snapshot is the one in the address (?detail=), on the datastore of the route
  const params = useParams();
  const [search] = useSearchParams();
  const detail = parseDetail(search.get('detail'));
  const store = download.offered ? params.store : undefined;
  const snapshot = download.offered ? detail : null;
  if (files.length === 0) return <p className="text-sm">No files listed.</p>;
  return (
    <>
      <table className="w-full text-sm">
        <caption className="sr-only">Files of the snapshot</caption>
        <thead>
          <tr className="text-left text-xs text-neutral-600 dark:text-neutral-400">
            <th scope="col" className="font-medium">
              File
            </th>
            <th scope="col" className="text-right font-medium">
              Size
            </th>
            <th scope="col" className="pl-2 font-medium">
              Crypt mode
            </th>
            {store && snapshot ? (
              <th scope="col" className="pl-2 font-medium">
                <span className="sr-only">Restore</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.filename} className="border-t border-neutral-100 dark:border-neutral-800">
              <td className="py-0.5 font-mono text-xs break-all">
                <FreeText text={f.filename} />
              </td>
              <td className="text-right whitespace-nowrap tabular-nums">
                {f.size !== undefined ? <Bytes value={f.size} /> : '–'}
              </td>
              <td className="pl-2 text-xs whitespace-nowrap">
                {f['crypt-mode'] === undefined
                  ? '–'
                  : (cryptModeText(f['crypt-mode']) ?? <OtherBadge value={f['crypt-mode']} />)}
              </td>
              {store && snapshot ? (
                <td className="pl-2 text-xs whitespace-nowrap">
                  <Link
                    to={browseHref(store, { ...snapshot, archive: f.filename })}
                    aria-label={`${isFileArchive(f.filename) ? 'Browse' : 'Download'} ${f.filename}`}
                  >
                    {isFileArchive(f.filename) ? 'Browse' : 'Download'}
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {download.offered ? null : (
        <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          Browsing and downloading: {download.reason}.
        </p>
      )}
    </>
  );
}
