/**
 * Reading a file only when it is a regular file. A FIFO, a device or a socket (or a link to one) is
 * refused before it is opened, so the build never waits on a pipe or reads an endless device; the
 * file is then opened without blocking and checked again, in case it was swapped in between.
 */
import type { Stats } from 'node:fs';
import { constants, readSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

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
  const opened = await openRegular(file);
  try {
    return { bytes: await opened.handle.readFile(), mtime: opened.mtime };
  } finally {
    await opened.handle.close();
  }
}

/** An open regular file, its size and modification time; the caller closes `handle`. */
export interface OpenedFile {
  handle: FileHandle;
  size: number;
  mtime: Date;
  /** Reads into `into` from byte `position` on (up to `size`); gives the count read. */
  read(into: Uint8Array, position: number): number;
}

/** Opens a regular file for reading; throws NotRegularFileError for anything else. */
export async function openRegular(file: string): Promise<OpenedFile> {
  const before = await stat(file);
  if (!before.isFile()) throw new NotRegularFileError(file, kindOf(before));
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(file, kindOf(info));
    const size = info.size;
    const read = (into: Uint8Array, position: number) => (position >= size ? 0 : readSync(handle.fd, into, 0, Math.min(into.length, size - position), position));
    return { handle, size, mtime: info.mtime, read };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** A regular file's text. */
export async function readRegularFile(file: string, encoding: BufferEncoding): Promise<string> {
  return (await readRegular(file)).bytes.toString(encoding);
}
