/**
 * Reading a file only when it is a regular file. A FIFO, a device or a socket (or a link to one) is
 * refused before it is opened, so the build never waits on a pipe or reads an endless device; the
 * file is then opened without blocking and checked again, in case it was swapped in between.
 */
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  readonly file: string;
  readonly kind: string;
  constructor(file: string, kind: string) {
    super(`${file} is ${kind}, not a regular file; only regular files are read`);
    this.file = file;
    this.kind = kind;
  }
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** The bytes and modification time of a regular file; throws NotRegularFileError for anything else. */
export async function readRegular(file: string): Promise<{ bytes: Buffer; mtime: Date }> {
  const before = await stat(file);
  if (!before.isFile()) throw new NotRegularFileError(file, kindOf(before));
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(file, kindOf(info));
    return { bytes: await handle.readFile(), mtime: info.mtime };
  } finally {
    await handle.close();
  }
}

/** A regular file's text. */
export async function readRegularFile(file: string, encoding: BufferEncoding): Promise<string> {
  return (await readRegular(file)).bytes.toString(encoding);
}
