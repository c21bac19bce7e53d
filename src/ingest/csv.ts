/**
 * Text → records, streamed one at a time through papaparse's step callback (no array of all rows).
 * Comma by default, semicolon and tab detected from the header line; LF, CRLF, bare CR and files
 * that mix them; quoted fields with delimiters, quotes and line breaks.
 */
import Papa from 'papaparse';

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
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      // Leading blank lines come before the header.
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
    } else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * How to split the text into records. One kind of line end is parsed as it is. CRLF mixed with LF
 * is split on LF, and the CR that ends a record is then dropped from its last cell (`stripCr`),
 * which spares a copy of the whole text; only a file that mixes bare CR with LF is normalised.
 */
export function lineEnds(text: string): { text: string; newline: '\n' | '\r\n' | '\r'; stripCr: boolean } {
  if (text.indexOf('\r') === -1) return { text, newline: '\n', stripCr: false };
  if (text.indexOf('\n') === -1) return { text, newline: '\r', stripCr: false };
  let crlf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return { text: text.replace(/\r\n?/g, '\n'), newline: '\n', stripCr: false };
    crlf++;
  }
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1 && lf <= crlf; i = text.indexOf('\n', i + 1)) lf++;
  return lf === crlf ? { text, newline: '\r\n', stripCr: false } : { text, newline: '\n', stripCr: true };
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

/**
 * Parses CSV text and calls `onRecord` for each record in order, blank ones included (their
 * cells are `['']`). `onRecord` may return `false` to stop. Returns the delimiter used.
 */
export function parseCsv(text: string, onRecord: (record: CsvRecord) => boolean | void): { delimiter: string } {
  const delimiter = detectDelimiter(text);
  const le = lineEnds(text);
  const input = le.text;
  let line = 0;
  let start = 0;
  Papa.parse<string[]>(input, {
    delimiter,
    newline: le.newline,
    header: false,
    skipEmptyLines: false,
    step(results, parser) {
      const cells = results.data;
      const end = results.meta.cursor;
      line++;
      if (le.stripCr) {
        const last = cells.length - 1;
        const cell = cells[last]!;
        if (cell.charCodeAt(cell.length - 1) === 13 && input.charCodeAt(end - 2) === 13) cells[last] = cell.slice(0, -1);
      }
      let malformed: string | null = null;
      if (results.errors.length > 0) malformed = results.errors.map((e) => e.message).join('; ');
      for (let i = 0; i < cells.length; i++) {
        if (cells[i] === 'NULL') {
          const q = quotedFields(input.slice(start, end), delimiter);
          for (let j = i; j < cells.length; j++) if (cells[j] === 'NULL' && !q[j]) cells[j] = '';
          break;
        }
      }
      start = end;
      // papaparse reports the empty text after a final line end as one more record; it is no row.
      if (end >= input.length && cells.length === 1 && cells[0] === '' && line > 1 && endsWithNewline(input)) return;
      if (onRecord({ cells, line, malformed }) === false) parser.abort();
    },
  });
  return { delimiter };
}

function endsWithNewline(text: string): boolean {
  const c = text[text.length - 1];
  return c === '\n' || c === '\r';
}
