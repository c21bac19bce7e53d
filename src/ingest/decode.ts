/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, a configured WHATWG encoding,
 * and Windows-1252 as the fallback Excel leaves behind. Text that fits none of them is refused,
 * never turned into mojibake.
 */

/** The decoded text and the encoding it was read with; `fallback` when Windows-1252 was guessed. */
export type Decoded =
  | { ok: true; text: string; encoding: string; fallback: boolean }
  | { ok: false; reason: string };

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

/**
 * Decodes a file's bytes. With `encoding` (a WHATWG label from the config) only that encoding is
 * tried; else the BOM decides, then UTF-8, then Windows-1252 when the bytes look like it.
 */
export function decode(bytes: Uint8Array, encoding?: string): Decoded {
  if (encoding) {
    const text = decodeWith(encoding, bytes);
    if (text === null) return { ok: false, reason: `the bytes are not valid ${encoding} (the encoding the config names)` };
    return { ok: true, text: stripBom(text), encoding, fallback: false };
  }
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  let bom: string | null = null;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) bom = 'utf-8';
  else if (b0 === 0xff && b1 === 0xfe) bom = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) bom = 'utf-16be';
  if (bom) {
    const text = decodeWith(bom, bytes);
    if (text === null) return { ok: false, reason: `it starts with a ${bom.toUpperCase()} byte-order mark but is not valid ${bom.toUpperCase()}` };
    return { ok: true, text: stripBom(text), encoding: bom, fallback: false };
  }
  const utf8 = decodeWith('utf-8', bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', fallback: false };
  if (plausibleCp1252(bytes)) {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', fallback: true };
  }
  return {
    ok: false,
    reason: 'it is neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1252 text; if it was saved in another encoding, name it in the config under encoding',
  };
}

// TextDecoder drops a BOM itself, but a file can carry a second one after a re-save.
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
