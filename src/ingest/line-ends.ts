/**
 * How a file's records end: LF, CRLF, bare CR, or a mixture. Decided once over the whole file,
 * before any record is read, so a file read in pieces splits exactly as it would whole. The same
 * scan runs over decoded text or over bytes of an ASCII-compatible encoding (UTF-8), where CR and
 * LF are single bytes that never occur inside another character.
 */

/** The line ends of one file. */
export interface LineEnds {
  /** What papaparse splits records on. */
  newline: '\n' | '\r\n' | '\r';
  /** CRLF mixed with LF: split on LF, and drop the CR that ends a record from its last cell. */
  stripCr: boolean;
  /** Bare CR mixed with LF: every CR and CRLF is read as LF before parsing. */
  normalise: boolean;
}

const CR = 13;
const LF = 10;

/**
 * The line ends of a file, given how to find a CR or LF from a position (-1 when none) and the
 * character code at a position. One kind of line end is parsed as it is; CRLF mixed with LF is
 * split on LF (which spares a copy of the text); a file that mixes bare CR with LF is normalised.
 */
export function lineEndsOf(find: (code: typeof CR | typeof LF, from: number) => number, codeAt: (i: number) => number | undefined): LineEnds {
  const plain = (newline: LineEnds['newline']): LineEnds => ({ newline, stripCr: false, normalise: false });
  if (find(CR, 0) === -1) return plain('\n');
  if (find(LF, 0) === -1) return plain('\r');
  let crlf = 0;
  for (let i = find(CR, 0); i !== -1; i = find(CR, i + 1)) {
    if (codeAt(i + 1) !== LF) return { newline: '\n', stripCr: false, normalise: true };
    crlf++;
  }
  let lf = 0;
  for (let i = find(LF, 0); i !== -1 && lf <= crlf; i = find(LF, i + 1)) lf++;
  return lf === crlf ? plain('\r\n') : { newline: '\n', stripCr: true, normalise: false };
}

/** The line ends of decoded text. */
export function textLineEnds(text: string): LineEnds {
  return lineEndsOf((code, from) => text.indexOf(code === CR ? '\r' : '\n', from), (i) => (i < text.length ? text.charCodeAt(i) : undefined));
}

/** The line ends of UTF-8 (or ASCII) bytes. */
export function byteLineEnds(bytes: Uint8Array): LineEnds {
  const scan = new ByteLineEnds();
  scan.add(bytes);
  return scan.result();
}

/**
 * The line ends of UTF-8 (or ASCII) bytes given in pieces, in order, as `lineEndsOf` decides them
 * over the whole: CR and LF are counted, and a CR not followed by LF (also across a cut, or at the
 * very end) marks a bare CR.
 */
export class ByteLineEnds {
  private cr = 0;
  private lf = 0;
  private crlf = 0;
  private bareCr = false;
  /** The previous piece ended with a CR. */
  private heldCr = false;

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.heldCr && bytes[0] !== LF) this.bareCr = true;
    for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) this.lf++;
    for (let i = bytes.indexOf(CR); i !== -1; i = bytes.indexOf(CR, i + 1)) {
      this.cr++;
      if (i + 1 < bytes.length) {
        if (bytes[i + 1] === LF) this.crlf++;
        else this.bareCr = true;
      }
    }
    if (this.heldCr && bytes[0] === LF) this.crlf++;
    this.heldCr = bytes[bytes.length - 1] === CR;
  }

  result(): LineEnds {
    const plain = (newline: LineEnds['newline']): LineEnds => ({ newline, stripCr: false, normalise: false });
    if (this.cr === 0) return plain('\n');
    if (this.lf === 0) return plain('\r');
    if (this.bareCr || this.heldCr) return { newline: '\n', stripCr: false, normalise: true };
    return this.lf === this.crlf ? plain('\r\n') : { newline: '\n', stripCr: true, normalise: false };
  }
}
