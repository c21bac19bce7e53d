/**
 * Writes CSV files the way exporting tools do: a chosen encoding (UTF-8, with or without a BOM, or
 * Windows-1252), line ends and quoting. Rows are buffered and written in chunks, so a file of half a
 * million rows never sits in memory whole.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type SampleEncoding = 'utf-8' | 'windows-1252';

export interface CsvFileOptions {
  encoding?: SampleEncoding;
  /** Start the file with a UTF-8 byte-order mark. */
  bom?: boolean;
  /** Line end between records (line breaks inside quoted values are written as given). */
  eol?: '\n' | '\r\n';
  /** Quote every field, as Salesforce reports do; otherwise only where needed. */
  quoteAll?: boolean;
}

/** An open CSV file. */
export interface CsvWriter {
  /** One record. */
  row(cells: readonly string[]): void;
  /** One line written as is (report footers). */
  line(text: string): void;
  /** Records written so far with `row`. */
  readonly rows: number;
  close(): void;
}

const CHUNK_CHARS = 1 << 18;

/** One field, quoted when it holds a delimiter, quote, line break or edge space (or always). */
export function csvField(value: string, quoteAll = false): string {
  if (quoteAll || /[",\r\n]/.test(value) || value !== value.trim()) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** Opens `path` for writing CSV records. */
export function openCsv(path: string, options: CsvFileOptions = {}): CsvWriter {
  const { encoding = 'utf-8', bom = false, eol = '\n', quoteAll = false } = options;
  const fd = openSync(path, 'w');
  const encode = encoding === 'windows-1252' ? encodeWindows1252 : (s: string) => Buffer.from(s, 'utf8');
  let buffer = bom ? '\uFEFF' : '';
  let rows = 0;
  const flush = () => {
    if (buffer.length > 0) writeSync(fd, encode(buffer));
    buffer = '';
  };
  const push = (text: string) => {
    buffer += text + eol;
    if (buffer.length >= CHUNK_CHARS) flush();
  };
  return {
    row(cells) {
      push(cells.map((c) => csvField(c, quoteAll)).join(','));
      rows++;
    },
    line: push,
    get rows() {
      return rows;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F; these are its characters there.
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Text → Windows-1252 bytes; throws on a character the code page lacks (never writes `?`). */
export function encodeWindows1252(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else {
      const b = CP1252_HIGH[text[i]!];
      if (b === undefined) throw new Error(`"${text[i]}" (U+${c.toString(16).toUpperCase()}) has no Windows-1252 byte`);
      out[i] = b;
    }
  }
  return out;
}
