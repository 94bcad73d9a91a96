import { useSearchParams } from 'react-router';
import type { SnapshotFile } from '@/api/schemas/content';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';

/** The snapshot's file archives (a host backup may hold several); the choice lives in the URL. */
export function ArchivePicker({ archives, current }: { archives: readonly SnapshotFile[]; current: string }) {
  const [, setParams] = useSearchParams();
  return (
    <Field label="Archive" layout="inline">
      <Select
        value={current}
        onChange={(e) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set('archive', e.target.value);
            next.delete('path');
            return next;
          })
        }
        className="font-mono"
      >
        {archives.map((a) => (
          <option key={a.filename} value={a.filename}>
            {a.filename}
          </option>
        ))}
      </Select>
    </Field>
  );
}
