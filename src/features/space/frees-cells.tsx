import { Bytes } from '@/components/ui/bytes';
import type { DatastoreSpace, Space } from '@/lib/space/types';
import { OnDisk } from './on-disk';
import { muted, tdNum } from './space-styles';

/**
 * What forgetting something frees, as two cells: its unique logical bytes and chunks, and their estimate on disk.
 * `atMost`: the user sees only its own groups, so chunks counted unique may be used by groups it cannot see.
 */
export function FreesCells({
  unique,
  datastore,
  atMost,
}: {
  unique: Space;
  datastore: DatastoreSpace;
  atMost: boolean;
}) {
  const bound = atMost ? <span className={muted}>at most </span> : null;
  return (
    <>
      <td className={tdNum}>
        {bound}
        <Bytes value={unique.bytes} />
        <div className={`text-xs ${muted}`}>
          {atMost ? 'at most ' : ''}
          {unique.chunks.toLocaleString('en')} chunks
        </div>
      </td>
      <td className={tdNum}>
        {bound}
        <OnDisk bytes={unique.bytes} datastore={datastore} />
      </td>
    </>
  );
}
