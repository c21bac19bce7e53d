/**
 * What a build must undo when it ends, however it ends: its private temporary folder, its staging
 * folder, its locks. Run on a normal end, on an error, and on SIGINT and SIGTERM (after which the
 * process exits with 130 or 143). A SIGKILL runs nothing: the next build removes what is left.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Undo = () => void;
const undos = new Set<Undo>();
let installed = false;

function runAll(): void {
  for (const undo of [...undos].reverse()) {
    try {
      undo();
    } catch {
      // Clean-up goes on; the error that ended the build is the one reported.
    }
  }
  undos.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      runAll();
      process.stderr.write(`\nBuild stopped by ${signal}; the previous site and history were left as they were.\n`);
      process.exit(code);
    });
  }
}

/** Registers a synchronous clean-up step; the returned function runs it now and forgets it. */
export function onEnd(undo: Undo): () => void {
  install();
  undos.add(undo);
  return () => {
    undos.delete(undo);
    undo();
  };
}

/** Removes a path (folder or file) when the build ends. */
export function removeOnEnd(target: string): () => void {
  return onEnd(() => rmSync(target, { recursive: true, force: true }));
}

/**
 * A new temporary folder readable by the running user only (mode 0700, as mkdtemp makes it), removed
 * when the build ends.
 */
export async function privateTempFolder(prefix: string): Promise<{ dir: string; remove: () => void }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: removeOnEnd(dir) };
}
