/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, a configured WHATWG encoding,
 * and Windows-1252 as the fallback Excel leaves behind. Text that fits none of them is refused,
 * never turned into mojibake. UTF-8, what nearly every export is, is checked over all its bytes
 * first and then decoded piece by piece, so a large file is never one big string; read from a file
 * (`decodeSource`), its bytes are read in pieces too, twice, and never held whole.
 */
import { isUtf8 } from 'node:buffer';
import type { TextChunks } from './csv.ts';
import { ByteLineEnds, byteLineEnds, textLineEnds, type LineEnds } from './line-ends.ts';

/** The decoded text and the encoding it was read with; `fallback` when Windows-1252 was guessed. */
export type Decoded =
  | { ok: true; text: string; encoding: string; fallback: boolean }
  | { ok: false; reason: string };

/** As `Decoded`, with the text in pieces. */
export type DecodedChunks =
  | { ok: true; text: TextChunks; encoding: string; fallback: boolean }
  | { ok: false; reason: string };

/**
 * Bytes per piece of decoded text: small enough that each piece is short-lived and most stay
 * one-byte strings (a single character above U+00FF makes a whole string two-byte), large enough
 * that the per-piece work does not count.
 */
export const CHUNK_BYTES = 2 ** 20;

// Bytes Windows-1252 leaves undefined: text that holds them was written in another encoding.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Whether bytes that are not UTF-8 look like Windows-1252 text: no NUL bytes, none of the five
 * undefined bytes, and non-ASCII characters mostly alone (accented letters inside words), not in
 * the runs that double-byte encodings such as Shift_JIS or GBK produce.
 */
export function plausibleCp1252(bytes: Uint8Array): boolean {
  let nonAscii = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0 || CP1252_UNDEFINED.has(b)) return false;
    if (b >= 0x80) {
      nonAscii++;
      run++;
    } else {
      if (run >= 2) inRuns += run;
      run = 0;
    }
  }
  if (run >= 2) inRuns += run;
  return nonAscii === 0 || inRuns / nonAscii < 0.5;
}

function decodeWith(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The WHATWG name of an encoding label ('utf8' → 'utf-8'), or null for an unknown label. */
function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** How a file is read: valid UTF-8 from a byte offset (past its byte-order marks), or text decoded whole. */
type Reading =
  | { ok: true; utf8From: number; encoding: string }
  | { ok: true; text: string; encoding: string; fallback: boolean }
  | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function bomAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === UTF8_BOM[0] && bytes[at + 1] === UTF8_BOM[1] && bytes[at + 2] === UTF8_BOM[2];
}

/** UTF-8 past a leading byte-order mark and, after a re-save, a second one. */
function utf8(bytes: Uint8Array, encoding: string): Reading {
  let from = bomAt(bytes, 0) ? 3 : 0;
  if (from > 0 && bomAt(bytes, from)) from += 3;
  return { ok: true, utf8From: from, encoding };
}

/**
 * With `encoding` (a WHATWG label from the config) only that encoding is tried; else the BOM
 * decides, then UTF-8, then Windows-1252 when the bytes look like it.
 */
function reading(bytes: Uint8Array, encoding?: string): Reading {
  if (encoding) {
    const refused = { ok: false as const, reason: `the bytes are not valid ${encoding} (the encoding the config names)` };
    if (encodingName(encoding) === 'utf-8') return isUtf8(bytes) ? utf8(bytes, encoding) : refused;
    const text = decodeWith(encoding, bytes);
    if (text === null) return refused;
    return { ok: true, text: stripBom(text), encoding, fallback: false };
  }
  const [b0, b1] = [bytes[0], bytes[1]];
  if (bomAt(bytes, 0)) {
    return isUtf8(bytes) ? utf8(bytes, 'utf-8') : { ok: false, reason: 'it starts with a UTF-8 byte-order mark but is not valid UTF-8' };
  }
  const bom = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : null;
  if (bom) {
    const text = decodeWith(bom, bytes);
    if (text === null) return { ok: false, reason: `it starts with a ${bom.toUpperCase()} byte-order mark but is not valid ${bom.toUpperCase()}` };
    return { ok: true, text: stripBom(text), encoding: bom, fallback: false };
  }
  if (isUtf8(bytes)) return { ok: true, utf8From: 0, encoding: 'utf-8' };
  if (plausibleCp1252(bytes)) {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', fallback: true };
  }
  return {
    ok: false,
    reason: 'it is neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1252 text; if it was saved in another encoding, name it in the config under encoding',
  };
}

/** Decodes a file's bytes into one string. */
export function decode(bytes: Uint8Array, encoding?: string): Decoded {
  const r = reading(bytes, encoding);
  if (!r.ok) return r;
  if ('text' in r) return r;
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(r.utf8From)), encoding: r.encoding, fallback: false };
}

/**
 * Decodes a file's bytes into pieces of text of about `chunkBytes` bytes each, cut between
 * characters, with the file's line ends. The bytes must stay unchanged while the pieces are read.
 */
export function decodeChunks(bytes: Uint8Array, encoding?: string, chunkBytes = CHUNK_BYTES): DecodedChunks {
  const r = reading(bytes, encoding);
  if (!r.ok) return r;
  if ('text' in r) return { ok: true, text: { chunks: [r.text], lineEnds: textLineEnds(r.text) }, encoding: r.encoding, fallback: r.fallback };
  return { ok: true, text: { chunks: utf8Chunks(bytes, r.utf8From, chunkBytes), lineEnds: byteLineEnds(bytes) }, encoding: r.encoding, fallback: false };
}

/** Valid UTF-8 from `from`, as strings of about `chunkBytes` bytes each, never cutting a character. */
function* utf8Chunks(bytes: Uint8Array, from: number, chunkBytes: number): Generator<string> {
  // ignoreBOM: a U+FEFF that starts a later piece is text, not a byte-order mark.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const isContinuation = (i: number) => i < bytes.length && (bytes[i]! & 0xc0) === 0x80;
  for (let start = from; start < bytes.length; ) {
    let end = Math.min(start + Math.max(1, chunkBytes), bytes.length);
    while (end > start && isContinuation(end)) end--;
    // A piece smaller than one character takes the whole character.
    if (end === start) for (end = start + 1; isContinuation(end); ) end++;
    yield decoder.decode(bytes.subarray(start, end));
    start = end;
  }
}

// TextDecoder drops a BOM itself, but a file can carry a second one after a re-save.
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file's bytes, read in pieces: `read` fills `into` from byte `position` on and gives the count. */
export interface ByteSource {
  size: number;
  read(into: Uint8Array, position: number): number;
}

/**
 * A file's text in pieces, without holding its bytes: they are read twice, piece by piece, once to
 * check that they are UTF-8 and find the line ends, once to decode. A file that is not UTF-8 (a
 * UTF-16 byte-order mark, a configured encoding other than UTF-8, bytes that are not UTF-8) is read
 * whole and decoded as `decodeChunks` does, with the same verdicts.
 */
export function decodeSource(source: ByteSource, encoding?: string, chunkBytes = CHUNK_BYTES): DecodedChunks {
  const head = new Uint8Array(Math.min(6, source.size));
  source.read(head, 0);
  const utf16Bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const whole = () => decodeChunks(readAll(source), encoding, chunkBytes);
  if (encoding ? encodingName(encoding) !== 'utf-8' : utf16Bom) return whole();
  const lineEnds = scanUtf8(source, chunkBytes);
  if (lineEnds === null) return whole();
  let from = bomAt(head, 0) ? 3 : 0;
  if (from > 0 && bomAt(head, from)) from += 3;
  return { ok: true, text: { chunks: sourceChunks(source, from, chunkBytes), lineEnds }, encoding: encoding ?? 'utf-8', fallback: false };
}

function readAll(source: ByteSource): Uint8Array {
  const bytes = new Uint8Array(source.size);
  let at = 0;
  for (let n; at < bytes.length && (n = source.read(bytes.subarray(at), at)) > 0; ) at += n;
  return bytes.subarray(0, at);
}

/** The line ends of a source of UTF-8 bytes, read in pieces; null when the bytes are not UTF-8. */
function scanUtf8(source: ByteSource, chunkBytes: number): LineEnds | null {
  const ends = new ByteLineEnds();
  for (const piece of wholeCharacters(source, 0, chunkBytes)) {
    if (!isUtf8(piece)) return null;
    ends.add(piece);
  }
  return ends.result();
}

/** The text of a source checked as UTF-8, from byte `from` (past its byte-order marks), in pieces. */
function* sourceChunks(source: ByteSource, from: number, chunkBytes: number): Generator<string> {
  // Each piece is decoded on its own (a streaming decoder would give two-byte strings, twice the
  // memory). ignoreBOM: a U+FEFF inside the text is text. fatal: bytes changed since the check fail.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  for (const piece of wholeCharacters(source, from, chunkBytes)) {
    let text: string;
    try {
      text = decoder.decode(piece);
    } catch (e) {
      throw new Error('the file changed while it was read: it is no longer UTF-8', { cause: e });
    }
    if (text !== '') yield text;
  }
}

/**
 * A source's bytes from `from` on, in pieces of about `chunkBytes` that never cut a UTF-8 character
 * (the bytes of a cut one wait for the next piece). Each piece is a view of one reused buffer,
 * valid until the next is asked for.
 */
function* wholeCharacters(source: ByteSource, from: number, chunkBytes: number): Generator<Uint8Array> {
  const size = Math.max(4, chunkBytes);
  const buf = new Uint8Array(size + 3);
  let waiting = 0;
  for (let position = from, n; position < source.size && (n = source.read(buf.subarray(waiting, waiting + size), position)) > 0; ) {
    position += n;
    const filled = waiting + n;
    const cut = position < source.size ? characterStart(buf, filled) : filled;
    yield buf.subarray(0, cut);
    buf.copyWithin(0, cut, filled);
    waiting = filled - cut;
  }
  if (waiting > 0) yield buf.subarray(0, waiting);
}

/** Where the character that may be cut at `end` starts: `end` when the last character is whole. */
function characterStart(bytes: Uint8Array, end: number): number {
  let i = end - 1;
  while (i > 0 && i > end - 4 && (bytes[i]! & 0xc0) === 0x80) i--;
  const lead = bytes[i]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + length > end ? i : end;
}
