/** Files that are either their old bytes or their new bytes, never half of either. */
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { withFile } from './errors.ts';

/** The temporary name a file is written under before it is renamed into place. */
export const tempNameOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);

/** Whether a file name is one of these temporary files (left behind by a killed build). */
export const isTempName = (name: string) => /^\..+\.tmp-\d+$/.test(name);

/** Writes `text` to a temporary file beside `file`, flushes it to disk, then renames it over `file`. */
export async function writeTempFile(file: string, text: string, mode = 0o644): Promise<string> {
  const temp = tempNameOf(file);
  const handle = await open(temp, 'w', mode);
  try {
    await withFile(temp, handle.writeFile(text));
    await withFile(temp, handle.sync());
  } catch (e) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw e;
  }
  await handle.close();
  return temp;
}

/** Renames a written temporary file into place and flushes the folder entry. */
export async function commitTempFile(temp: string, file: string): Promise<void> {
  await rename(temp, file);
  await syncDir(path.dirname(file));
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await commitTempFile(await writeTempFile(file, text), file);
}

/** Flushes a folder's entries (a rename is durable only once its folder is). */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems do not flush folders; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}
