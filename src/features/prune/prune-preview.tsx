import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { backupTypeSchema, type BackupType } from '@/api/schemas/common';
import { Card, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useServerZone } from '@/components/ui/server-zone';
import { pruneQueries } from './api';
import { emptyKeep, keepOptionsOf, type KeepInputs } from './job-params';
import { KeepFields } from './keep-fields';
import { PreviewResult } from './preview-result';

interface PrunePreviewProps {
  store: string;
  /** namespace, '' for the root */
  ns: string;
  /** a fixed group; without it the user picks one or previews the whole namespace */
  group?: { type: BackupType; id: string };
  /**
   * whether the user may prune (Datastore.Modify, or Datastore.Prune on own groups): offers "prune now";
   * a function decides per group, from the group's owner
   */
  canPrune?: boolean | ((owner: string | undefined) => boolean);
  /** the options to start from, e.g. a prune job's */
  initialKeep?: KeepInputs;
  /** when given, the user may pick the namespace here (the page keeps it, e.g. in the URL) */
  onNamespaceChange?: (ns: string) => void;
  /** the user lists only their own groups (no Datastore.Audit): what pruning frees is an upper bound */
  atMost?: boolean;
}

function parseGroup(value: string): { type: BackupType; id: string } | undefined {
  const slash = value.indexOf('/');
  const type = backupTypeSchema.safeParse(value.slice(0, slash));
  return slash > 0 && type.success ? { type: type.data, id: value.slice(slash + 1) } : undefined;
}

/** Try a retention policy: snapshot by snapshot, which rule keeps it or that it goes, before anything is saved or removed. */
export function PrunePreview({
  store,
  ns,
  group,
  canPrune = false,
  initialKeep,
  onNamespaceChange,
  atMost = false,
}: PrunePreviewProps) {
  const [picked, setPicked] = useState(group ? `${group.type}/${group.id}` : '');
  const [keep, setKeep] = useState<KeepInputs>(initialKeep ?? emptyKeep());
  const groups = useQuery({ ...pruneQueries.groups(store, ns), enabled: group === undefined });
  const namespaces = useQuery({ ...pruneQueries.namespaces(store), enabled: onNamespaceChange !== undefined });
  const time = useQuery(pruneQueries.nodeTime());
  const contextZone = useServerZone();
  const zone = time.data?.timezone ?? contextZone;
  const target = group ?? parseGroup(picked);
  const owner = groups.data?.find((g) => g['backup-type'] === target?.type && g['backup-id'] === target.id)?.owner;
  const mayPrune = typeof canPrune === 'function' ? canPrune(owner) : canPrune;

  return (
    <Card aria-labelledby="prune-preview-title">
      <CardHeader id="prune-preview-title" title="Prune preview" />
      <div className="space-y-3">
        {onNamespaceChange && !group ? (
          <Field label="Namespace">
            <Select
              value={ns}
              onChange={(e) => {
                setPicked('');
                onNamespaceChange(e.target.value);
              }}
            >
              {(namespaces.data ?? [{ ns }]).map((n) => (
                <option key={n.ns} value={n.ns}>
                  {n.ns === '' ? 'Root namespace' : n.ns}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {group ? null : (
          <Field label={`Group ${ns ? `(namespace ${ns})` : '(root namespace)'}`}>
            <Select value={picked} onChange={(e) => setPicked(e.target.value)}>
              <option value="">All groups in this namespace (local rules only)</option>
              {(groups.data ?? []).map((g) => (
                <option key={`${g['backup-type']}/${g['backup-id']}`} value={`${g['backup-type']}/${g['backup-id']}`}>
                  {g['backup-type']}/{g['backup-id']}
                  {g.comment ? ` (${g.comment})` : ''}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <KeepFields value={keep} onChange={setKeep} />
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          Hours, days, weeks (ISO), months and years are counted in the server's time zone{zone ? ` (${zone})` : ''}.
          For a single group the server's own dry run is shown beside the local rules.
        </p>
        {zone ? (
          <PreviewResult
            store={store}
            ns={ns}
            group={target}
            keep={keepOptionsOf(keep)}
            zone={zone}
            canPrune={mayPrune}
            atMost={atMost}
          />
        ) : (
          <p className="text-sm">Reading the server's time zone…</p>
        )}
      </div>
    </Card>
  );
}
