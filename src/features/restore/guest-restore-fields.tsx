import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { GuestKind } from '@/lib/restore-command';
import type { RestoreFormValue } from './guest-restore-value';
import type { PveResource, PveStorage } from '@/api/schemas/pve';

export interface RestoreFieldContext {
  /** the shown VMID and target storage (the user's, or the suggested ones) */
  vmid: string;
  storage: string;
  /** PVE's storages for disks or container volumes; null without a PVE to ask (free text then) */
  targets: PveStorage[] | null;
  /** the guest that has this VMID now */
  inUse: PveResource | undefined;
  originalId: string;
  errors: Record<string, string | undefined>;
}

/** The options of a PVE restore; a container has no live restore. */
export function GuestRestoreFields({
  kind,
  value,
  onChange,
  ctx,
}: {
  kind: GuestKind;
  value: RestoreFormValue;
  onChange: (v: RestoreFormValue) => void;
  ctx: RestoreFieldContext;
}) {
  const set = (patch: Partial<RestoreFormValue>) => onChange({ ...value, ...patch });
  const guestWord = ctx.inUse?.type === 'lxc' ? 'CT' : 'VM';
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
      <Field
        label="Target VMID"
        error={ctx.errors.vmid}
        description={
          ctx.inUse
            ? `In use by ${guestWord} ${ctx.inUse.name ?? ctx.vmid} on ${ctx.inUse.node ?? '?'} (${ctx.inUse.status ?? 'unknown'})`
            : undefined
        }
      >
        <div className="flex gap-1">
          <Input
            inputMode="numeric"
            className="flex-1"
            value={ctx.vmid}
            onChange={(e) => set({ vmid: e.target.value })}
          />
          {ctx.vmid !== ctx.originalId ? (
            <button
              type="button"
              className="shrink-0 rounded-md px-2 text-xs underline"
              onClick={() => set({ vmid: ctx.originalId })}
            >
              Original ({ctx.originalId})
            </button>
          ) : null}
        </div>
      </Field>
      <Field label="Target storage" error={ctx.errors.storage}>
        {ctx.targets ? (
          <Select value={ctx.storage} onChange={(e) => set({ storage: e.target.value })}>
            {kind === 'vm' ? <option value="">As in the backup</option> : null}
            {ctx.targets.map((s) => (
              <option key={s.storage} value={s.storage}>
                {s.storage} ({s.type})
              </option>
            ))}
          </Select>
        ) : (
          <Input
            value={ctx.storage}
            placeholder={kind === 'vm' ? 'as in the backup' : ''}
            onChange={(e) => set({ storage: e.target.value })}
          />
        )}
      </Field>
      <Field
        label="Bandwidth limit (MiB/s)"
        error={ctx.errors.bwlimit}
        description="Empty: the limit of the datacenter or storage"
      >
        <Input inputMode="decimal" value={value.bwlimit} onChange={(e) => set({ bwlimit: e.target.value })} />
      </Field>
      <Field label="Pool (optional)" error={ctx.errors.pool}>
        <Input value={value.pool} onChange={(e) => set({ pool: e.target.value })} />
      </Field>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <Checkbox
          label="Unique: new random MAC addresses"
          checked={value.unique}
          onChange={(e) => set({ unique: e.target.checked })}
        />
        {kind === 'vm' ? (
          <Checkbox
            label="Live restore"
            description="Starts the VM at once from the backup and restores in the background; its disks read from PBS until done."
            checked={value.liveRestore}
            onChange={(e) => set({ liveRestore: e.target.checked })}
          />
        ) : null}
        <Checkbox
          label="Start after restore"
          description={kind === 'vm' && value.liveRestore ? 'A live restore starts the VM anyway.' : undefined}
          checked={value.start && !(kind === 'vm' && value.liveRestore)}
          disabled={kind === 'vm' && value.liveRestore}
          onChange={(e) => set({ start: e.target.checked })}
        />
        <Checkbox
          label={`Overwrite an existing ${kind === 'vm' ? 'VM' : 'container'} with this VMID`}
          description="Its disks and configuration are replaced by the backup; it must be stopped."
          checked={value.force}
          onChange={(e) => set({ force: e.target.checked })}
        />
      </div>
    </div>
  );
}
