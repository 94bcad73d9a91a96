// The tar writer's output as GNU tar reads it: long names through ustar's prefix field or a pax header.
import { execFileSync } from 'node:child_process';
import { tarStream, type ArchiveEntry } from './tar';

const enc = new TextEncoder();

async function tarList(entries: ArchiveEntry[]): Promise<string[]> {
  const bytes = new Uint8Array(await new Response(tarStream(entries)).arrayBuffer());
  return execFileSync('tar', ['-tvf', '-'], { input: bytes }).toString().trim().split('\n');
}

describe('tar writer', () => {
  it('writes entries tar lists with their names, modes, links and sizes', async () => {
    const deep = `${'a'.repeat(60)}/${'b'.repeat(60)}/${'c'.repeat(60)}`;
    const flat = 'x'.repeat(130);
    const mtime = 1_700_000_000;
    const lines = await tarList([
      { path: 'srv', type: 'dir', mode: 0o755, mtime },
      { path: 'srv/hello.txt', type: 'file', mode: 0o640, mtime, bytes: () => enc.encode('hello\n') },
      { path: 'srv/link', type: 'symlink', mode: 0o777, mtime, link: 'hello.txt' },
      { path: 'srv/hard', type: 'hardlink', mode: 0o640, mtime, link: 'srv/hello.txt' },
      { path: deep, type: 'file', mode: 0o644, mtime, bytes: () => new Uint8Array(513) },
      { path: flat, type: 'file', mode: 0o644, mtime, bytes: () => new Uint8Array(0) },
    ]);
    expect(lines.map((l) => l.replace(/ \d{4}-\d\d-\d\d \d\d:\d\d /, ' DATE '))).toEqual([
      'drwxr-xr-x root/root         0 DATE srv/',
      '-rw-r----- root/root         6 DATE srv/hello.txt',
      'lrwxrwxrwx root/root         0 DATE srv/link -> hello.txt',
      'hrw-r----- root/root         0 DATE srv/hard link to srv/hello.txt',
      `-rw-r--r-- root/root       513 DATE ${deep}`,
      `-rw-r--r-- root/root         0 DATE ${flat}`,
    ]);
  });
});
