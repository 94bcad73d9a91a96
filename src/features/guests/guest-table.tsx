import { Link } from 'react-router';
import { FreeText } from '@/components/ui/free-text';
import { Time } from '@/components/ui/time';
import { formatRelative } from '@/lib/format-time';
import { EncryptionCell, FreshnessBadge, VerifyCell } from './guest-badges';
import { contentHref, type GuestRow } from './guest-rows';

const th = 'px-2 py-1.5 text-left text-xs font-medium text-neutral-700 dark:text-neutral-300';
const td = 'px-2 py-1.5 align-top';

/** One row per guest; the name opens its group in the datastore's content. */
export function GuestTable({ rows, now }: { rows: GuestRow[]; now: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[56rem] text-sm">
        <caption className="sr-only">
          Guests and their last backup, the ones without a fresh or verified backup first
        </caption>
        <thead>
          <tr className="border-b border-neutral-200 dark:border-neutral-700">
            <th className={th}>Guest</th>
            <th className={th}>Datastore</th>
            <th className={th}>Namespace</th>
            <th className={th}>Last backup</th>
            <th className={th}>Freshness</th>
            <th className={th}>Last verify</th>
            <th className={th}>Encryption</th>
            <th className={`${th} text-right`}>Snapshots</th>
            <th className={`${th} text-right`}>Protected</th>
            <th className={th}>Owner</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-neutral-100 dark:border-neutral-800">
              <td className={td}>
                <Link
                  to={contentHref(r)}
                  className="font-medium break-words text-accent-700 underline dark:text-accent-300"
                >
                  <FreeText text={r.name ?? `${r.type}/${r.id}`} max={200} />
                </Link>
                <div className="font-mono text-xs break-all text-neutral-600 dark:text-neutral-400">
                  <FreeText text={`${r.type}/${r.id}`} max={200} />
                </div>
              </td>
              <td className={td}>
                <FreeText text={r.store} />
              </td>
              <td className={td}>
                {r.ns === '' ? (
                  <span className="text-neutral-600 dark:text-neutral-400">root</span>
                ) : (
                  <FreeText text={r.ns} />
                )}
              </td>
              <td className={td}>
                {formatRelative(r.lastBackup, now)}
                <div className="text-xs text-neutral-600 dark:text-neutral-400">
                  <Time epoch={r.lastBackup} />
                </div>
              </td>
              <td className={td}>
                <FreshnessBadge value={r.freshness} />
              </td>
              <td className={td}>
                <VerifyCell facts={r.facts} now={now} />
              </td>
              <td className={td}>
                <EncryptionCell facts={r.facts} />
              </td>
              <td className={`${td} text-right tabular-nums`}>{r.snapshots}</td>
              <td className={`${td} text-right tabular-nums`}>{r.facts ? r.facts.protectedCount : '…'}</td>
              <td className={`${td} font-mono text-xs break-all`}>
                {r.owner !== undefined ? <FreeText text={r.owner} max={200} /> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
