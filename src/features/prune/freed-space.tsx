// What forgetting the given snapshots frees, counted while it is shown. Loaded on demand (lazy-freed-space.ts): the
// space account stays out of the chunks that only open this dialog.
import { useFreedSpace, type FreedTarget } from '@/api/space/freed';
import { FreedSpaceNote } from '@/components/ui/freed-space-note';

export default function FreedSpace({
  store,
  targets,
  atMost,
}: {
  store: string;
  targets: readonly FreedTarget[] | null;
  atMost: boolean;
}) {
  return <FreedSpaceNote space={useFreedSpace(store, targets)} atMost={atMost} />;
}
