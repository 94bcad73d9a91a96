import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { restoreCommand, restoreParams, type GuestKind } from '@/lib/restore-command';
import { GuestRestoreCommand } from './guest-restore-command';
import { GuestRestoreConfirm } from './guest-restore-confirm';
import { GuestRestoreFields } from './guest-restore-fields';
import { EMPTY_FORM, formProblems, toOptions } from './guest-restore-value';
import { pveMutations, pveQueries } from './pve-api';
import { PveApiError } from '@/api/pve-client';

export interface RestoreTarget {
  kind: GuestKind;
  volid: string;
  originalId: string;
  /** where PVE restores run; null: this deck has no PVE, the command is all it offers */
  pve: { node: string } | null;
}

interface GuestRestoreFormProps {
  target: RestoreTarget;
  /** set when PBS would not let the user read the snapshot: Restore stays disabled, described by it */
  readRefusal?: string | null;
  /** shown instead of the Restore button when there is no Proxmox VE to restore with: why, and what to do */
  notice?: ReactNode;
  onStarted: (upid: string) => void;
  onCancel: () => void;
}

export function GuestRestoreForm({ target, readRefusal = null, notice, onStarted, onCancel }: GuestRestoreFormProps) {
  const refusalId = useId();
  const { kind, pve } = target;
  const [value, setValue] = useState(EMPTY_FORM);
  const [confirming, setConfirming] = useState(false);
  const nextId = useQuery({ ...pveQueries.nextId(), enabled: pve !== null });
  const guests = useQuery({ ...pveQueries.guests(), enabled: pve !== null });
  const targets = useQuery({ ...pveQueries.targets(pve?.node ?? '', kind), enabled: pve !== null });
  const restore = useMutation(pveMutations.restore());

  const vmid = value.vmid ?? (nextId.data !== undefined ? String(nextId.data) : target.originalId);
  const defaultStorage = kind === 'vm' ? '' : (targets.data?.[0]?.storage ?? 'local-lvm');
  const storage = value.storage ?? defaultStorage;
  const inUse = guests.data?.find((g) => String(g.vmid) === vmid);
  const local = formProblems(vmid, value.bwlimit);
  const options = toOptions(kind, value, vmid, storage);
  const command = restoreCommand(kind, target.volid, options);
  const refusal = restore.error instanceof PveApiError ? restore.error : null;
  const errors = { ...local, ...(refusal?.errors ?? {}) };
  const valid = Object.keys(local).length === 0;

  const run = () => {
    setConfirming(false);
    restore.mutate(
      { node: pve!.node, kind, params: restoreParams(kind, target.volid, options) },
      { onSuccess: onStarted },
    );
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pve || !valid || readRefusal !== null) return;
        if (value.force && inUse) setConfirming(true);
        else run();
      }}
    >
      <GuestRestoreFields
        kind={kind}
        value={value}
        onChange={(v) => {
          setValue(v);
          setConfirming(false);
        }}
        ctx={{
          vmid,
          storage,
          targets: pve ? (targets.data ?? []) : null,
          inUse,
          originalId: target.originalId,
          errors,
        }}
      />
      <GuestRestoreCommand command={command} />
      {pve ? null : notice}
      {restore.error ? (
        <ErrorState
          title="Proxmox VE refused the restore"
          message={
            <>
              {restore.error.message}
              {Object.entries(refusal?.errors ?? {}).map(([k, v]) => (
                <span key={k} className="block">
                  {k}: {v}
                </span>
              ))}
            </>
          }
        />
      ) : null}
      {confirming && inUse ? (
        <GuestRestoreConfirm guest={inUse} vmid={vmid} onCancel={() => setConfirming(false)} onConfirm={run} />
      ) : (
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={onCancel}>{pve ? 'Cancel' : 'Close'}</Button>
          {pve && readRefusal ? (
            <p id={refusalId} className="w-full text-right text-xs text-neutral-600 dark:text-neutral-400">
              {readRefusal}.
            </p>
          ) : null}
          {pve ? (
            <Button
              type="submit"
              variant={value.force ? 'danger' : 'primary'}
              disabled={!valid || restore.isPending || readRefusal !== null}
              aria-describedby={readRefusal ? refusalId : undefined}
            >
              {restore.isPending ? 'Starting…' : value.force ? 'Restore and overwrite' : 'Restore'}
            </Button>
          ) : null}
        </div>
      )}
    </form>
  );
}
