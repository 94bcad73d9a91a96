import { Download } from 'lucide-react';
import { Link } from 'react-router';
import type { SnapshotFile } from '@/api/schemas/content';
import { Bytes } from '@/components/ui/bytes';
import { Button } from '@/components/ui/button';
import { browseHref } from '@/lib/catalog-path';
import { decodedName } from '@/lib/download-name';
import { bodyOf, downloadDecoded, type SnapshotRef } from './api';
import type { Downloads } from './use-downloads';

interface WholeFileDownloadsProps {
  snapshot: SnapshotRef;
  files: readonly SnapshotFile[];
  /** the file the address names, marked in the list */
  highlight: string | null;
  browsable: readonly string[];
  downloads: Downloads;
}

const DECODABLE = /\.(didx|fidx|blob)$/;

/** Every file of the snapshot as a whole, decoded by the server (disk images, configs, logs). */
export function WholeFileDownloads({ snapshot, files, highlight, browsable, downloads }: WholeFileDownloadsProps) {
  const images = files.some((f) => f.filename.endsWith('.img.fidx'));
  const start = (f: SnapshotFile) =>
    downloads.start({
      name: decodedName(snapshot.type, snapshot.id, f.filename),
      total: f.size,
      open: async (signal) => bodyOf(await downloadDecoded(snapshot, f.filename, signal)),
    });
  return (
    <section aria-labelledby="whole-files" className="space-y-2">
      <h2 id="whole-files" className="text-base font-semibold">
        Download whole files
      </h2>
      {images ? (
        <p className="text-sm">
          This snapshot holds disk images, which have no file catalog. File-level restore of a VM disk happens in
          Proxmox VE (it reads the disk's file systems in a small restore VM); here a disk image can be downloaded
          whole, as a raw image.
        </p>
      ) : null}
      {browsable.length > 0 ? (
        <p className="text-sm">
          Browse the files of{' '}
          {browsable.map((a) => (
            <Link
              key={a}
              to={browseHref(snapshot.store, { ...snapshot, archive: a })}
              className="mr-2 font-mono text-xs"
            >
              {a}
            </Link>
          ))}
        </p>
      ) : null}
      <ul className="divide-y divide-neutral-100 rounded-md border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-700">
        {files.map((f) => (
          <li
            key={f.filename}
            aria-current={f.filename === highlight ? 'true' : undefined}
            className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm aria-[current]:bg-accent-50 dark:aria-[current]:bg-accent-950/40"
          >
            <span className="min-w-0 flex-1 font-mono text-xs break-all">{f.filename}</span>
            <span className="text-xs">{f.size !== undefined ? <Bytes value={f.size} /> : '–'}</span>
            {f['crypt-mode'] === 'encrypt' ? (
              <span className="text-xs text-amber-800 dark:text-amber-200">
                Encrypted: only the key holder can restore it, with proxmox-backup-client
              </span>
            ) : DECODABLE.test(f.filename) ? (
              <Button size="sm" onClick={() => start(f)} aria-label={`Download ${f.filename}`}>
                <Download aria-hidden className="size-3.5" /> Download
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
