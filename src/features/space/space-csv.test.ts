// The space account's CSV: DESIGN's header, RFC 4180 quoting, no formula a spreadsheet would run, and the figures
// of a real account of the simulator's store1 equal to the simulator's ground truth.
import { QueryClient } from '@tanstack/react-query';
import { datastoreQueries } from '@/api/queries/datastores';
import { defaultServer } from '@/api/queries/default-server';
import type { GroupSpace, SpaceReport } from '@/lib/space/types';
import { setupTestServer } from '@/test/render-app';
import { gcOfStatus, listForAccount, readAccount } from '@/api/space/account';
import { csvField, spaceCsv } from './space-csv';

const HEADER =
  'server,datastore,namespace,type,id,snapshots,logical_bytes,unique_bytes,shared_bytes,estimated_disk_bytes';

/** A small RFC 4180 reader, so the tests read back what a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

const space = (chunks: number, bytes: number) => ({ chunks, bytes });

function group(ns: string, id: string, distinct: number, unique: number): GroupSpace {
  return {
    ns,
    type: 'host',
    id,
    owner: 'root@pam',
    snapshots: 2,
    distinct: space(10, distinct),
    unique: space(4, unique),
    shared: space(6, distinct - unique),
    referencedBytes: distinct * 2,
  };
}

function report(groups: GroupSpace[], gc: boolean): SpaceReport {
  const distinct = space(100, 4000);
  return {
    datastore: {
      distinct,
      referencedBytes: 8000,
      snapshots: 4,
      skipped: [],
      sizeConflicts: 0,
      ...(gc ? { gc: { indexDataBytes: 8000, diskBytes: 1000, compression: 0.25, dedup: 2 } } : {}),
    },
    snapshots: [],
    groups,
    namespaces: [],
    owners: [],
  };
}

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(1234)).toBe('1234');
  });

  it('turns what a spreadsheet would run as a formula into text', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe('"\'\rcmd"');
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('spaceCsv', () => {
  it("starts with DESIGN's header and gives one row per group, the most freed first", () => {
    const csv = spaceCsv(report([group('', 'small', 1000, 100), group('dept/a', 'big', 3000, 900)], true), {
      server: 'pbs.example',
      store: 'store1',
    });
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(parseCsv(csv)).toEqual([
      HEADER.split(','),
      // disk: 3000 logical × (1000 disk ÷ 4000 distinct) = 750
      ['pbs.example', 'store1', 'dept/a', 'host', 'big', '2', '3000', '900', '2100', '750'],
      ['pbs.example', 'store1', '', 'host', 'small', '2', '1000', '100', '900', '250'],
    ]);
  });

  it('leaves the disk estimate empty without GC figures', () => {
    const rows = parseCsv(spaceCsv(report([group('', 'a', 10, 5)], false), { server: 's', store: 'd' }));
    expect(rows[1]).toEqual(['s', 'd', '', 'host', 'a', '2', '10', '5', '5', '']);
  });

  it('reads back hostile names as they are, formulas made text', () => {
    const hostile = group('=cmd|"/c calc"!A1', '-evil,"id"\r\nnext', 10, 5);
    const csv = spaceCsv(report([hostile], true), { server: '@srv', store: 'st,1' });
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 5)).toEqual(["'@srv", 'st,1', '\'=cmd|"/c calc"!A1', 'host', '\'-evil,"id"\r\nnext']);
  });
});

describe('spaceCsv of a real account', () => {
  const t = setupTestServer({ speed: 0 });

  it("gives store1's groups with the simulator's figures", async () => {
    await t.loginAs('root@pam');
    const truth = t.sim.spaceTruth('store1');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const status = await client.fetchQuery(datastoreQueries.status(defaultServer, 'store1'));
    const listed = { ...(await listForAccount(client, 'store1')), ...gcOfStatus(status['gc-status']) };
    const controller = new AbortController();
    const account = await readAccount('store1', listed, {
      inThread: true,
      signal: controller.signal,
      onProgress: () => {},
    });
    const rows = parseCsv(spaceCsv(account, { server: 'pbs1', store: 'store1' }));
    expect(rows[0]).toEqual(HEADER.split(','));

    const diskBytes = status['gc-status']?.['disk-bytes'];
    // store1 has had a GC at the test start: the estimate column is filled
    expect(diskBytes).toBeGreaterThan(0);
    const allDistinct = truth.set(() => true).distinct.bytes;
    const groups = new Map(truth.snapshots.map((s) => [`${s.ns}|${s.type}|${s.id}`, s]));
    expect(groups.size).toBeGreaterThan(3);
    expect(rows).toHaveLength(groups.size + 1);
    for (const row of rows.slice(1)) {
      const [server, store, ns = '', type, id] = row;
      expect([server, store]).toEqual(['pbs1', 'store1']);
      expect(groups.has(`${ns}|${type}|${id}`)).toBe(true);
      const g = truth.set((s) => s.ns === ns && s.type === type && s.id === id);
      const disk = diskBytes ? String(Math.round((g.distinct.bytes * diskBytes) / allDistinct)) : '';
      expect(row.slice(5)).toEqual([
        String(g.snapshots),
        String(g.distinct.bytes),
        String(g.unique.bytes),
        String(g.shared.bytes),
        disk,
      ]);
    }
    // the most freed first
    const unique = rows.slice(1).map((r) => Number(r[7]));
    expect(unique).toEqual([...unique].sort((a, b) => b - a));
  }, 120_000);
});
