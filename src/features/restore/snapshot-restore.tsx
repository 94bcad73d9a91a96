import type { SnapshotFile } from '@/api/schemas/content';
import { isFileArchive } from '@/lib/catalog-path';
import type { SnapshotRef } from './api';
import { ArchiveBrowser } from './archive-browser';
import { ArchivePicker } from './archive-picker';
import { DownloadsPanel } from './downloads-panel';
import { EncryptedNotice } from './encrypted-notice';
import { useDownloads } from './use-downloads';
import { WholeFileDownloads } from './whole-file-downloads';

interface SnapshotRestoreProps {
  snapshot: SnapshotRef;
  files: readonly SnapshotFile[];
  /** the file archives (browsable) among `files` */
  archives: readonly SnapshotFile[];
  /** the archive or file the address names */
  archive: string | null;
}

/** Picks what to show for the snapshot: a file archive's browser, or its files to download whole. */
export function SnapshotRestore({ snapshot, files, archives, archive }: SnapshotRestoreProps) {
  const downloads = useDownloads();
  const browse = archive === null ? archives[0] : archives.find((a) => a.filename === archive);
  const catalog = files.find((f) => f.filename === 'catalog.pcat1.didx');
  const encrypted =
    browse &&
    (browse['crypt-mode'] === 'encrypt' ||
      (!browse.filename.endsWith('.mpxar.didx') && catalog?.['crypt-mode'] === 'encrypt'));
  return (
    <div className="space-y-3">
      {archives.length > 1 && browse ? <ArchivePicker archives={archives} current={browse.filename} /> : null}
      {browse && encrypted ? <EncryptedNotice snapshot={snapshot} archive={browse.filename} /> : null}
      {browse && !encrypted ? (
        <ArchiveBrowser
          key={browse.filename}
          archive={{ ...snapshot, archive: browse.filename }}
          downloads={downloads}
        />
      ) : null}
      {!browse ? (
        <WholeFileDownloads
          snapshot={snapshot}
          files={files}
          highlight={archive !== null && !isFileArchive(archive) ? archive : null}
          browsable={archives.map((a) => a.filename)}
          downloads={downloads}
        />
      ) : null}
      <DownloadsPanel downloads={downloads} />
    </div>
  );
}
