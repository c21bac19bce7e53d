import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** The sentence a failed build prints: the real cause in words, the file it concerns, what to do. */

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full (ENOSPC)',
  EDQUOT: 'the disk quota is used up (EDQUOT)',
  ENAMETOOLONG: 'a file name is too long for the file system (ENAMETOOLONG)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
  EROFS: 'the file system is read-only (EROFS)',
  EMFILE: 'too many open files (EMFILE)',
  EIO: 'an input/output error of the disk (EIO)',
};

/** The root cause of an error: the first errno-carrying error along its `cause` chain. */
function rootCause(e: unknown): unknown {
  for (let x: unknown = e, depth = 0; x && depth < 10; depth++) {
    if ((x as NodeJS.ErrnoException).code && CAUSES[(x as NodeJS.ErrnoException).code!]) return x;
    x = (x as { cause?: unknown }).cause;
  }
  return e;
}

export function describeError(e: unknown): string {
  const root = rootCause(e) as NodeJS.ErrnoException & { file?: string; during?: string };
  const cause = root.code ? CAUSES[root.code] : undefined;
  const file = root.path ?? root.file ?? fileIn(root.message ?? '') ?? fileIn((e as Error)?.message ?? '');
  const step = (e as { during?: string })?.during ?? root.during;
  const where = file ? ` while writing or reading ${file}` : step ? ` while ${step}` : '';
  if (cause) return `${cause}${where}${file && step ? ` (${step})` : ''}. ${root.message}`;
  const message = e instanceof Error ? e.message : String(e);
  return step ? `${message} (while ${step})` : message;
}

/** Notes the step an error happened in, for an error that names no file of its own. */
export function during<T>(step: string, work: Promise<T>): Promise<T> {
  return work.catch((e: unknown) => {
    if (e && typeof e === 'object' && !(e as { during?: string }).during) (e as { during?: string }).during = step;
    throw e;
  });
}

function fileIn(message: string): string | undefined {
  return /'([^']+)'/.exec(message)?.[1];
}

/** Adds the file an I/O error concerns when the error does not say it (a write on an open file). */
export function withFile<T>(file: string, work: Promise<T>): Promise<T> {
  return work.catch((e: unknown) => {
    if (e && typeof e === 'object' && !(e as NodeJS.ErrnoException).path) (e as { file?: string }).file = file;
    throw e;
  });
}

/**
 * Makes a folder and its missing parents. Unlike `mkdir(dir, { recursive: true })`, which reports
 * ENOENT on a read-only file system, the error is the real one (EROFS, EACCES, ENOSPC).
 */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || path.dirname(dir) === dir) throw e;
    await ensureDir(path.dirname(dir));
    await ensureDir(dir);
  }
}
