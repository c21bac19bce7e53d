/**
 * A lock on a folder the build writes (the output folder, the history folder) that a killed build
 * cannot leave stuck: the lock file names its holder (host, boot, process id and the process's start
 * time), and a lock whose holder no longer runs is taken over. A second build onto a held folder
 * stops and names the holder.
 */
import { readFileSync, rmSync } from 'node:fs';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { withFile } from './errors.ts';

interface Holder {
  host: string;
  boot: string;
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  start: string;
  since: string;
  what: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; message: string };

const bootId = () => readOr('/proc/sys/kernel/random/boot_id', '').trim();
const startOf = (pid: number) => readOr(`/proc/${pid}/stat`, '').replace(/^.*\)\s*/, '').split(' ')[19] ?? '';

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** Whether the process that wrote `h` still runs (same host and boot, same pid, same start time). */
function alive(h: Holder): boolean {
  // Another machine's process cannot be checked from here: it counts as running.
  if (h.host !== hostname()) return true;
  if (h.boot !== bootId()) return false;
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = startOf(h.pid);
  return start === '' || start === h.start;
}

/**
 * Takes the lock file `lockFile` for `what` (e.g. "the output folder /srv/site"). The lock file is
 * written whole under a temporary name and linked into place, so it never exists half-written.
 */
export async function acquireLock(lockFile: string, what: string): Promise<LockResult> {
  const me: Holder = { host: hostname(), boot: bootId(), pid: process.pid, start: startOf(process.pid), since: new Date().toISOString(), what };
  const temp = `${lockFile}.${process.pid}.new`;
  await withFile(temp, writeFile(temp, `${JSON.stringify(me)}\n`, { mode: 0o600 }));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, lockFile);
        return { ok: true, release: () => rmSync(lockFile, { force: true }) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      let holder: Holder | null = null;
      try {
        holder = JSON.parse(await readFile(lockFile, 'utf8')) as Holder;
      } catch {
        holder = null; // unreadable: not written by this tool's lock, which links a whole file
      }
      if (holder && alive(holder)) {
        return {
          ok: false,
          message:
            `${what} is in use by another build (process ${holder.pid} on ${holder.host}, started ${holder.since}). ` +
            `Wait for it to finish, or build into another folder. If no such build runs, remove ${lockFile}.`,
        };
      }
      // The holder was killed: its lock is taken over.
      await rm(lockFile, { force: true });
    }
    return { ok: false, message: `${what}: could not take the lock ${lockFile}; another build keeps taking it.` };
  } finally {
    await rm(temp, { force: true });
  }
}
