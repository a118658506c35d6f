/**
 * One file in the extension origin's private file system (OPFS): the caches a woken service
 * worker reads before IndexedDB has opened (lib/db/page-index-file.ts, lib/db/wake-state.ts).
 * Cache Storage and OPFS open in a few milliseconds where IndexedDB, at 100,000 papers, takes
 * hundreds.
 */
export interface FileStore {
  /** The file's bytes, or null when there is none. */
  read(): Promise<ArrayBuffer | null>;
  write(bytes: Uint8Array): Promise<void>;
  remove(): Promise<void>;
}

/** The extension origin's private file system, or null where the context has none (tests in Node). */
function opfsRoot(): Promise<FileSystemDirectoryHandle> | null {
  const storage = (globalThis as { navigator?: Navigator }).navigator?.storage;
  return typeof storage?.getDirectory === 'function' ? storage.getDirectory() : null;
}


/** The file `name` in OPFS; every call fails (and callers fall back on IndexedDB) where there is no OPFS. */
export function opfsFile(name: string): FileStore {
  const root = () => opfsRoot() ?? Promise.reject(new Error('no origin private file system here'));
  return {
    async read() {
      let handle: FileSystemFileHandle;
      try {
        handle = await (await root()).getFileHandle(name);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'NotFoundError') return null;
        throw error;
      }
      return (await handle.getFile()).arrayBuffer();
    },
    async write(bytes) {
      const handle = await (await root()).getFileHandle(name, { create: true });
      // Written to a swap file and swapped in on close: a reader never sees half a file.
      const writable = await handle.createWritable();
      await writable.write(bytes as Uint8Array<ArrayBuffer>);
      await writable.close();
    },
    async remove() {
      const dir = opfsRoot();
      if (!dir) return;
      await (await dir).removeEntry(name).catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
      });
    },
  };
}
