import { useId } from 'react';
import type { GuestKind } from '@/lib/restore-command';
import { GuestRestoreCheck } from './guest-restore-check';
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

const INPUT =
  'w-full rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm dark:border-neutral-600 dark:bg-neutral-800';

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-0.5 text-sm">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className="text-xs text-neutral-600 dark:text-neutral-400">{hint}</span> : null}
      {error ? (
        <span id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
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
  const base = useId();
  const set = (patch: Partial<RestoreFormValue>) => onChange({ ...value, ...patch });
  const guestWord = ctx.inUse?.type === 'lxc' ? 'CT' : 'VM';
  const invalid = (key: string) =>
    ctx.errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${base}-${key}-error` } : {};
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field
        id={`${base}-vmid`}
        label="Target VMID"
        error={ctx.errors.vmid}
        hint={
          ctx.inUse
            ? `In use by ${guestWord} ${ctx.inUse.name ?? ctx.vmid} on ${ctx.inUse.node ?? '?'} (${ctx.inUse.status ?? 'unknown'})`
            : undefined
        }
      >
        <div className="flex gap-1">
          <input
            id={`${base}-vmid`}
            inputMode="numeric"
            className={INPUT}
            value={ctx.vmid}
            onChange={(e) => set({ vmid: e.target.value })}
            {...invalid('vmid')}
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
      <Field id={`${base}-storage`} label="Target storage" error={ctx.errors.storage}>
        {ctx.targets ? (
          <select
            id={`${base}-storage`}
            className={INPUT}
            value={ctx.storage}
            onChange={(e) => set({ storage: e.target.value })}
            {...invalid('storage')}
          >
            {kind === 'vm' ? <option value="">As in the backup</option> : null}
            {ctx.targets.map((s) => (
              <option key={s.storage} value={s.storage}>
                {s.storage} ({s.type})
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${base}-storage`}
            className={INPUT}
            value={ctx.storage}
            placeholder={kind === 'vm' ? 'as in the backup' : ''}
            onChange={(e) => set({ storage: e.target.value })}
          />
        )}
      </Field>
      <Field
        id={`${base}-bwlimit`}
        label="Bandwidth limit (MiB/s)"
        error={ctx.errors.bwlimit}
        hint="Empty: the limit of the datacenter or storage"
      >
        <input
          id={`${base}-bwlimit`}
          inputMode="decimal"
          className={INPUT}
          value={value.bwlimit}
          onChange={(e) => set({ bwlimit: e.target.value })}
          {...invalid('bwlimit')}
        />
      </Field>
      <Field id={`${base}-pool`} label="Pool (optional)" error={ctx.errors.pool}>
        <input
          id={`${base}-pool`}
          className={INPUT}
          value={value.pool}
          onChange={(e) => set({ pool: e.target.value })}
          {...invalid('pool')}
        />
      </Field>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <GuestRestoreCheck
          label="Unique: new random MAC addresses"
          checked={value.unique}
          onChange={(unique) => set({ unique })}
        />
        {kind === 'vm' ? (
          <GuestRestoreCheck
            label="Live restore"
            hint="Starts the VM at once from the backup and restores in the background; its disks read from PBS until done."
            checked={value.liveRestore}
            onChange={(liveRestore) => set({ liveRestore })}
          />
        ) : null}
        <GuestRestoreCheck
          label="Start after restore"
          hint={kind === 'vm' && value.liveRestore ? 'A live restore starts the VM anyway.' : undefined}
          checked={value.start && !(kind === 'vm' && value.liveRestore)}
          disabled={kind === 'vm' && value.liveRestore}
          onChange={(start) => set({ start })}
        />
        <GuestRestoreCheck
          label={`Overwrite an existing ${kind === 'vm' ? 'VM' : 'container'} with this VMID`}
          hint="Its disks and configuration are replaced by the backup; it must be stopped."
          checked={value.force}
          onChange={(force) => set({ force })}
        />
      </div>
    </div>
  );
}
