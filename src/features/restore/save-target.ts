/*
 * Where a download goes. Where the browser offers showSaveFilePicker (Chromium), the bytes stream to
 * the chosen file and memory stays flat; elsewhere they collect into a Blob that an object URL and
 * `<a download>` hand to the browser, which holds the whole file in memory first.
 */

interface SavePickerOptions {
  suggestedName?: string;
}

declare global {
  interface Window {
    showSaveFilePicker?: (options?: SavePickerOptions) => Promise<FileSystemFileHandle>;
  }
}

/** Above this, a download that must be held in memory asks first. */
export const IN_MEMORY_WARNING_BYTES = 1024 ** 3;

export function canStreamToDisk(): boolean {
  return typeof window !== 'undefined' && typeof window.showSaveFilePicker === 'function';
}

/** Asks where to save; null when the user cancels the picker. Call it straight from the click. */
export async function pickSaveFile(name: string): Promise<FileSystemWritableFileStream | null> {
  const picker = window.showSaveFilePicker;
  if (!picker) return null;
  try {
    const handle = await picker({ suggestedName: name });
    return await handle.createWritable();
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its own reference by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Writes `stream` to the picked file, or collects it and saves it through a link. */
export async function saveStream(
  stream: ReadableStream<Uint8Array>,
  name: string,
  file: FileSystemWritableFileStream | null,
  signal: AbortSignal,
): Promise<void> {
  if (file) {
    await stream.pipeTo(file, { signal });
    return;
  }
  const blob = await new Response(stream).blob();
  signal.throwIfAborted();
  saveBlob(blob, name);
}

/** Passes the bytes through and reports the running count; `signal` cancels the source and fails the rest. */
export function countBytes(
  stream: ReadableStream<Uint8Array>,
  onBytes: (n: number) => void,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let n = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        n += chunk.byteLength;
        onBytes(n);
        controller.enqueue(chunk);
      },
    }),
    { signal },
  );
}
