import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  storeBadgeState,
  worstBadgeState,
  FAILURE_WINDOW,
  type BadgeVerdict,
  type TaskFacts,
  type UsageFacts,
  type VerifyJobFacts,
} from '@/lib/badge-state';
import { renderBadge, type BadgeText } from './badge-svg.ts';
import { AnswerTooLargeError, MAX_ANSWER_BYTES } from '../limits/answer-cap.ts';
import { upstreamFailureStatus } from '../limits/upstream-timeouts.ts';
import { sendText } from '../send.ts';
import type { EmbedAccess } from '../types.ts';

// /badge/overview.svg and /badge/datastore/<store>.svg: health as an image, for places that show
// images but no frames (Proxmox VE notes, READMEs). Read with the embed token, so no login.

const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function createBadgeHandler(access: EmbedAccess | null, enabled: boolean) {
  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    if (!enabled) {
      sendText(res, 404, 'badges are off on this deck (BADGES=off)');
      return;
    }
    if (!access) {
      sendText(res, 404, 'badges need EMBED_TOKEN, a read-only PBS API token (see docs/deployment.md)');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendText(res, 405, 'method not allowed');
      return;
    }
    const store = /^\/badge\/datastore\/([^/]+)\.svg$/.exec(pathname)?.[1];
    if (pathname !== '/badge/overview.svg' && !(store && SAFE_ID.test(store))) {
      sendText(res, 404, 'no such badge: use /badge/overview.svg or /badge/datastore/<store>.svg');
      return;
    }
    badgeFor(access, store ?? null).then(
      ({ status, badge }) => sendSvg(req, res, status, renderBadge(badge)),
      (err: unknown) =>
        sendSvg(
          req,
          res,
          upstreamFailureStatus(err),
          renderBadge({
            label: store ?? 'backups',
            value: 'unknown',
            tone: 'unknown',
            title: `cannot read PBS: ${err instanceof Error ? err.message : String(err)}`,
          }),
        ),
    );
  };
}

function sendSvg(req: IncomingMessage, res: ServerResponse, status: number, svg: string): void {
  res.writeHead(status, {
    'content-type': 'image/svg+xml; charset=utf-8',
    'content-length': Buffer.byteLength(svg),
    // Fresh enough for a dashboard, and a busy page of badges costs PBS one read a minute each.
    'cache-control': 'max-age=60',
  });
  res.end(req.method === 'HEAD' ? undefined : svg);
}

async function readData(access: EmbedAccess, path: string): Promise<unknown> {
  const answer = await access.read(path);
  if (answer.body.length > MAX_ANSWER_BYTES) throw new AnswerTooLargeError('the backup server');
  if (answer.status !== 200)
    throw new Error(`${path}: HTTP ${answer.status} ${answer.body.toString('utf8').slice(0, 200)}`);
  return (JSON.parse(answer.body.toString('utf8')) as { data?: unknown }).data;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as T[]) : []);

async function badgeFor(access: EmbedAccess, store: string | null): Promise<{ status: number; badge: BadgeText }> {
  const time = (await readData(access, '/nodes/localhost/time')) as { time?: unknown } | null;
  const now = typeof time?.time === 'number' ? time.time : Math.floor(Date.now() / 1000);
  const [usage, tasks, jobs] = await Promise.all([
    readData(access, '/status/datastore-usage').then((d) => list<UsageFacts>(d)),
    readData(access, `/nodes/localhost/tasks?since=${now - FAILURE_WINDOW}&limit=1000`).then((d) => list<TaskFacts>(d)),
    // A token without rights on verify jobs still gets its badge, from the tasks alone.
    readData(access, '/admin/verify').then(
      (d) => list<VerifyJobFacts>(d),
      () => [] as VerifyJobFacts[],
    ),
  ]);
  if (store !== null) {
    const entry = usage.find((u) => u.store === store);
    if (!entry)
      return {
        status: 404,
        badge: {
          label: store,
          value: 'unknown datastore',
          tone: 'unknown',
          title: `no datastore '${store}' visible to the deck`,
        },
      };
    const verdict = storeBadgeState(entry, tasks, jobs, now);
    return {
      status: 200,
      badge: { label: store, value: verdict.state, tone: verdict.state, title: titleOf(store, verdict) },
    };
  }
  const verdicts = usage.map((u) => ({ store: u.store, ...storeBadgeState(u, tasks, jobs, now) }));
  const state = worstBadgeState(verdicts);
  const title =
    verdicts
      .filter((v) => v.state !== 'ok')
      .map((v) => titleOf(v.store, v))
      .join('; ') || `${verdicts.length} datastores ok`;
  return { status: 200, badge: { label: 'backups', value: state, tone: state, title } };
}

function titleOf(store: string, verdict: BadgeVerdict): string {
  return `${store}: ${verdict.state}${verdict.reasons.length ? ` (${verdict.reasons.join(', ')})` : ''}`;
}
