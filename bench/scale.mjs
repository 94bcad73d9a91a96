// Scale: what the content endpoints actually return on the demo and large profiles, and each request's
// time alone. The snapshot tree view does not exist yet; these are the floors it will be measured against.
import { startDeck, stopDeck } from '../scripts/deck-process.mjs';
import { call, login } from './api.mjs';
import { count, repeat, summarize } from './stats.mjs';

export async function measureScale(root, runs, track) {
  const results = [];
  for (const profile of ['demo', 'large']) {
    const deck = await startDeck(root, { SIM_PROFILE: profile, SIM_SEED: '7' });
    track.add(deck.proc);
    try {
      const { url } = deck;
      const auth = await login(url);
      const groupsPath = '/admin/datastore/store1/groups';
      const first = await call(url, auth, 'GET', groupsPath);
      // The group with the most snapshots: the worst one a user can open.
      const g = first.data.reduce((a, b) => (b['backup-count'] > a['backup-count'] ? b : a));
      const snapsPath = `/admin/datastore/store1/snapshots?backup-type=${g['backup-type']}&backup-id=${encodeURIComponent(g['backup-id'])}`;
      const snaps = await call(url, auth, 'GET', snapsPath);
      const groupLabel = `${g['backup-type']}/${g['backup-id']}`;
      results.push(
        count(`scale: ${profile}, groups returned by store1/groups`, 'groups', first.data.length),
        count(`scale: ${profile}, store1/groups response size`, 'B', first.bytes),
        count(`scale: ${profile}, snapshots returned for group ${groupLabel}`, 'snapshots', snaps.data.length),
        count(`scale: ${profile}, group ${groupLabel} snapshots response size`, 'B', snaps.bytes),
      );
      const floor = summarize(
        `scale: ${profile}, floor GET /version`,
        'ms',
        (await repeat(runs, () => call(url, auth, 'GET', '/version'))).map((r) => r.ms),
      );
      const groups = summarize(
        `scale: ${profile}, GET store1/groups alone (floor for the tree's first rows)`,
        'ms',
        (await repeat(runs, () => call(url, auth, 'GET', groupsPath))).map((r) => r.ms),
        { floor: floor.value },
      );
      const list = summarize(
        `scale: ${profile}, GET snapshots of ${groupLabel} alone (floor for opening that group)`,
        'ms',
        (await repeat(runs, () => call(url, auth, 'GET', snapsPath))).map((r) => r.ms),
        { floor: floor.value },
      );
      results.push(floor, groups, list);
    } finally {
      await stopDeck(deck.proc);
      track.delete(deck.proc);
    }
  }
  return results;
}
