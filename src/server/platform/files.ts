import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The file store: uploaded and generated files, on local disk by default. Keys are generated
 * here, never taken from a client's file name, so no path can escape the store. Files are
 * written once and never changed, which is what lets a backup read them after its database
 * snapshot.
 */
export type FileStore = {
  put(data: Buffer, ext: string): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
  /** Every stored key, in a stable order (for backups). */
  keys(): AsyncIterable<string>;
  /** Writes a file back under the key it had (restoring a backup). */
  putAt(key: string, data: Buffer): Promise<void>;
  root: string;
};

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}\.[a-z0-9]{1,8}$/;

export const isFileKey = (key: string) => KEY.test(key);

export function localFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    if (!KEY.test(key)) throw new Error(`bad file key: ${key}`);
    return path.join(root, key);
  };
  const write = async (key: string, data: Buffer) => {
    const file = resolve(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  };
  const list = async (dir: string) => (await fs.readdir(dir).catch((e) => (e.code === 'ENOENT' ? [] : Promise.reject(e)))).sort();
  return {
    root,
    async put(data, ext) {
      const id = randomUUID();
      const safeExt = ext.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8) || 'bin';
      const key = `${id.slice(0, 2)}/${id}.${safeExt}`;
      await write(key, data);
      return key;
    },
    get: (key) => fs.readFile(resolve(key)),
    async remove(key) {
      await fs.rm(resolve(key), { force: true });
    },
    async *keys() {
      for (const dir of await list(root)) {
        if (!/^[0-9a-f]{2}$/.test(dir)) continue;
        for (const name of await list(path.join(root, dir))) {
          const key = `${dir}/${name}`;
          if (KEY.test(key)) yield key; // skips a `.tmp` left by an interrupted write
        }
      }
    },
    putAt: write,
  };
}
