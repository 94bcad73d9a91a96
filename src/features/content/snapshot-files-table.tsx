import type { SnapshotFile } from '@/api/schemas/content';
import { Bytes } from '@/components/ui/bytes';

const MODE_TEXT = { none: 'None', 'sign-only': 'Signed', encrypt: 'Encrypted' } as const;

export function SnapshotFilesTable({ files }: { files: readonly SnapshotFile[] }) {
  if (files.length === 0) return <p className="text-sm">No files listed.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Files of the snapshot</caption>
      <thead>
        <tr className="text-left text-xs text-neutral-600 dark:text-neutral-400">
          <th scope="col" className="font-medium">File</th>
          <th scope="col" className="text-right font-medium">Size</th>
          <th scope="col" className="pl-2 font-medium">Crypt mode</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.filename} className="border-t border-neutral-100 dark:border-neutral-800">
            <td className="py-0.5 font-mono text-xs break-all">
              {f.filename}
            </td>
            <td className="text-right whitespace-nowrap tabular-nums">{f.size !== undefined ? <Bytes value={f.size} /> : '–'}</td>
            <td className="pl-2 text-xs whitespace-nowrap">{f['crypt-mode'] ? MODE_TEXT[f['crypt-mode']] : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
