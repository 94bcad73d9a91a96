/*
 * File names of downloads, as PBS's own file browser names them: `<type>-<id>-<name>`, plus `.zip`
 * or `.tar.zst` for a directory. The server sends no Content-Disposition, so the name is ours.
 */

export type DirectoryFormat = 'zip' | 'tar.zst';

const UNSAFE = '/\\:*?"<>|';

/** Characters no file system accepts in a name (and control characters) become `_`. */
function safe(name: string): string {
  const cleaned = Array.from(name, (c) => (c < ' ' || UNSAFE.includes(c) ? '_' : c)).join('');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

/** A file (`format` undefined) or a directory packed as zip or tar.zst. */
export function downloadName(type: string, id: string, name: string, format?: DirectoryFormat): string {
  const base = `${type}-${id}-${name}`;
  return safe(format ? `${base}.${format}` : base);
}

/** A whole archive through download-decoded: its index suffix goes (`root.pxar.didx` → `root.pxar`). */
export function decodedName(type: string, id: string, fileName: string): string {
  return downloadName(type, id, fileName.replace(/\.(didx|fidx|blob)$/, ''));
}

/** Several items of one directory, zipped in the browser. */
export function selectionName(type: string, id: string, dirName: string): string {
  return downloadName(type, id, `${dirName === '' ? 'root' : dirName}-selection`, 'zip');
}
