/**
 * Text → records, streamed one at a time through papaparse's step callback (no array of all rows),
 * from one string or from pieces of text as a large file is decoded. Comma by default, semicolon
 * and tab detected from the header line; LF, CRLF, bare CR and files that mix them; quoted fields
 * with delimiters, quotes and line breaks.
 */
import Papa from 'papaparse';
import { textLineEnds, type LineEnds } from './line-ends.ts';

/** One record: its cells, its row number as a spreadsheet shows it, and a parse problem if any. */
export interface CsvRecord {
  cells: string[];
  /** Header = 1; a line break inside a quoted value adds no row. */
  line: number;
  /** Why the record's quoting is broken, or null. */
  malformed: string | null;
}

/** The delimiter of the header line (the first line, outside quotes): the most frequent of `,` `;` tab. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  return headerDelimiter(text, true)!;
}

/**
 * The delimiter of the header line: the first line (outside quotes) that holds one of them; null
 * while `text` is the start of a file (`complete` false) and does not yet hold that whole line.
 */
function headerDelimiter(text: string, complete: boolean): ',' | ';' | '\t' | null {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let decided = complete;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      // Leading blank lines come before the header.
      if (counts[','] + counts[';'] + counts['\t'] > 0) {
        decided = true;
        break;
      }
    } else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (!decided) return null;
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Which fields of one raw record were quoted. Only needed for the rare record with a `NULL`
 * cell: an unquoted NULL is how databases write an empty value, a quoted "NULL" is text.
 */
function quotedFields(raw: string, delimiter: string): boolean[] {
  const quoted: boolean[] = [];
  let i = 0;
  for (;;) {
    if (raw[i] === '"') {
      quoted.push(true);
      i++;
      for (; i < raw.length; i++) {
        if (raw[i] === '"') {
          if (raw[i + 1] === '"') i++;
          else break;
        }
      }
    } else quoted.push(false);
    const next = raw.indexOf(delimiter, i);
    if (next === -1) return quoted;
    i = next + delimiter.length;
  }
}

/** A file's text in pieces, in order, with its line ends decided over the whole file. */
export interface TextChunks {
  chunks: Iterable<string>;
  lineEnds: LineEnds;
}

/**
 * Parses CSV text and calls `onRecord` for each record in order, blank ones included (their
 * cells are `['']`). `onRecord` may return `false` to stop. Returns the delimiter used.
 *
 * The text may come in pieces, cut anywhere (inside a record, a quoted value or a CRLF): each
 * piece is parsed as it comes, and the records it does not finish are carried over to the next,
 * so only about one piece of text is held at a time and the records are those of the whole text.
 */
export function parseCsv(input: string | TextChunks, onRecord: (record: CsvRecord) => boolean | void): { delimiter: string } {
  const { chunks, lineEnds: le } = typeof input === 'string' ? { chunks: [input], lineEnds: textLineEnds(input) } : input;
  let delimiter: ',' | ';' | '\t' | null = null;
  let parser: Papa.Parser | null = null;
  let text = '';
  let line = 0;
  let start = 0;
  let stopped = false;

  const step = (results: Papa.ParseStepResult<string[]>) => {
    const cells = (results.data as unknown as string[][])[0]!;
    const end = results.meta.cursor;
    line++;
    if (le.stripCr) {
      const last = cells.length - 1;
      const cell = cells[last]!;
      if (cell.charCodeAt(cell.length - 1) === 13 && text.charCodeAt(end - 2) === 13) cells[last] = cell.slice(0, -1);
    }
    let malformed: string | null = null;
    if (results.errors.length > 0) malformed = results.errors.map((e) => e.message).join('; ');
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] === 'NULL') {
        const q = quotedFields(text.slice(start, end), delimiter!);
        for (let j = i; j < cells.length; j++) if (cells[j] === 'NULL' && !q[j]) cells[j] = '';
        break;
      }
    }
    start = end;
    if (onRecord({ cells, line, malformed }) === false) {
      stopped = true;
      parser!.abort();
    }
  };

  /** Parses `text` from a record's start; gives back what follows its last finished record. */
  const parse = (final: boolean): string => {
    parser ??= new Papa.Parser({ delimiter: delimiter!, newline: le.newline, step });
    start = 0;
    // Before the end of the file the last record may be cut short: papaparse leaves it out.
    const cursor = (parser.parse(text, 0, !final) as Papa.ParseResult<string[]>).meta.cursor;
    return final ? '' : text.slice(cursor);
  };

  let carry = '';
  let heldCr = false;
  // After a parse that finished no record (a quoted value longer than a piece), or a header line
  // not yet whole, the text is looked at again only once it has doubled: a long value is not
  // re-scanned piece after piece.
  let parseAt = 0;
  for (let chunk of chunks) {
    if (le.normalise) {
      // A CR at the end of a piece may be the first half of a CRLF: it waits for the next piece.
      if (heldCr) chunk = '\r' + chunk;
      heldCr = chunk.charCodeAt(chunk.length - 1) === 13;
      chunk = (heldCr ? chunk.slice(0, -1) : chunk).replace(/\r\n?/g, '\n');
    }
    carry += chunk;
    if (carry.length < parseAt) continue;
    delimiter ??= headerDelimiter(carry, false);
    if (delimiter === null) {
      parseAt = 2 * carry.length;
      continue;
    }
    text = carry;
    carry = parse(false);
    if (stopped) return { delimiter };
    parseAt = carry.length === text.length ? 2 * text.length : 0;
  }
  if (heldCr) carry += '\n';
  delimiter ??= headerDelimiter(carry, true)!;
  // What is left is the last record, or text whose last record is not finished by a line end.
  text = carry;
  carry = parse(false);
  if (!stopped && carry !== '') {
    text = carry;
    parse(true);
  }
  return { delimiter };
}
