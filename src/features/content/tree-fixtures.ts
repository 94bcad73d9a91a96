// Small deterministic content for the pure tests of the tree and the filters.
import type { GroupItem, SnapshotItem } from '@/api/schemas/content';

export const NOW = 1_800_000_000;
const DAY = 86400;

export function group(type: 'vm' | 'ct' | 'host', id: string, comment?: string, owner = 'root@pam'): GroupItem {
  return {
    'backup-type': type,
    'backup-id': id,
    'last-backup': NOW - DAY,
    'backup-count': 3,
    files: [],
    owner,
    ...(comment && { comment }),
  };
}

const upidAt = (t: number) =>
  `UPID:pbs:00000001:00000002:00000003:${t.toString(16).toUpperCase()}:verificationjob:store1\\x3av\\x2d1:root@pam:`;

export function snapshot(g: GroupItem, daysAgo: number, extra: Partial<SnapshotItem> = {}): SnapshotItem {
  const time = NOW - daysAgo * DAY;
  return {
    'backup-type': g['backup-type'],
    'backup-id': g['backup-id'],
    'backup-time': time,
    files: [
      { filename: 'index.json.blob', size: 500, 'crypt-mode': 'none' },
      { filename: 'drive-scsi0.img.fidx', size: 1 << 30, 'crypt-mode': 'none' },
    ],
    size: (1 << 30) + 500,
    protected: false,
    ...extra,
  };
}

export const verifiedOk = (daysAgo: number) => ({
  verification: { state: 'ok' as const, upid: upidAt(NOW - daysAgo * DAY) },
});
export const verifiedFailed = { verification: { state: 'failed' as const, upid: upidAt(NOW - DAY) } };
export const encrypted = {
  files: [
    { filename: 'qemu-server.conf.blob', size: 400, 'crypt-mode': 'encrypt' as const },
    { filename: 'drive-scsi0.img.fidx', size: 1 << 30, 'crypt-mode': 'encrypt' as const },
  ],
  fingerprint: 'aa:bb:cc:dd:ee:ff:00:11:22:33',
};
