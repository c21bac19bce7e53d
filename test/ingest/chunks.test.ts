import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/dates.ts';
import { parseCsv, type CsvRecord } from '../../src/ingest/csv.ts';
import { decode, decodeChunks, decodeSource, type ByteSource } from '../../src/ingest/decode.ts';
import { ByteLineEnds, byteLineEnds, textLineEnds } from '../../src/ingest/line-ends.ts';
import { readTable } from '../../src/ingest/read-table.ts';
import { Roster } from '../../src/ingest/roster.ts';
import { ACTIVITIES } from '../../src/ingest/schemas.ts';
import { config } from './read-case.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The records of `text` read whole. */
function whole(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  parseCsv(text, (r) => void out.push(r));
  return out;
}

/** The records of `text` encoded as UTF-8 and decoded in pieces of `chunkBytes` bytes. */
function inPieces(text: string, chunkBytes: number): CsvRecord[] {
  const d = decodeChunks(utf8(text), undefined, chunkBytes);
  if (!d.ok) throw new Error(d.reason);
  const out: CsvRecord[] = [];
  parseCsv(d.text, (r) => void out.push(r));
  return out;
}

/** The pieces `decodeChunks` gives for `bytes`. */
function pieces(bytes: Uint8Array, chunkBytes: number): string[] {
  const d = decodeChunks(bytes, undefined, chunkBytes);
  if (!d.ok) throw new Error(d.reason);
  return [...d.text.chunks];
}

describe('decodeChunks(bytes, encoding, chunkBytes)', () => {
  it('cuts between characters: every piece decodes on its own and they join to the whole text', () => {
    const text = 'a€b😀cé,\r\nÅ';
    for (let size = 1; size <= 12; size++) {
      const ps = pieces(utf8(text), size);
      expect(ps.join(''), `size ${size}`).toBe(text);
      expect(ps.some((p) => p.includes('\uFFFD'))).toBe(false);
      expect(ps.every((p) => p.length > 0)).toBe(true);
    }
    // Three bytes per piece: the euro sign (3 bytes) and the emoji (4 bytes) are never split.
    expect(pieces(utf8('a€b😀'), 3)).toEqual(['a', '€', 'b', '😀']);
  });
  it('drops a leading byte-order mark and a second one, but keeps U+FEFF that starts a later piece', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = Uint8Array.from([...bom, ...bom, 0x61, ...bom, 0x62]);
    expect(pieces(bytes, 1)).toEqual(['a', '\uFEFF', 'b']);
    expect(decode(bytes)).toEqual({ ok: true, text: 'a\uFEFFb', encoding: 'utf-8', fallback: false });
  });
  it('gives the same encoding, fallback and refusals as decode', () => {
    const cp1252 = Uint8Array.from([...utf8('Soci'), 0xe9, ...utf8('t'), 0xe9, ...utf8(',1\r\n')]);
    const d = decodeChunks(cp1252, undefined, 2);
    expect(d.ok && { chunks: [...d.text.chunks], encoding: d.encoding, fallback: d.fallback, lineEnds: d.text.lineEnds }).toEqual({
      chunks: ['Société,1\r\n'],
      encoding: 'windows-1252',
      fallback: true,
      lineEnds: { newline: '\r\n', stripCr: false, normalise: false },
    });
    expect(decodeChunks(Uint8Array.from([0xef, 0xbb, 0xbf, 0xff]))).toEqual(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0xff])));
    expect(decodeChunks(Uint8Array.from([0xff, 0xff, 0x41]), 'utf8')).toEqual({ ok: false, reason: 'the bytes are not valid utf8 (the encoding the config names)' });
    const configured = decodeChunks(utf8('\uFEFFA,b'), 'UTF-8', 1);
    expect(configured.ok && [...configured.text.chunks].join('')).toBe('A,b');
  });
  it('decides the line ends over the bytes as over the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ',', '"', '\r', '\n', '\r\n', 'é'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(byteLineEnds(utf8(text))).toEqual(textLineEnds(text));
      }),
      { numRuns: 300 },
    );
  });
});

/** A file's bytes as a source, recording the size of every read. */
function source(bytes: Uint8Array, reads: number[] = []): ByteSource {
  return {
    size: bytes.length,
    read: (into, position) => {
      const n = Math.max(0, Math.min(into.length, bytes.length - position));
      into.set(bytes.subarray(position, position + n));
      reads.push(into.length);
      return n;
    },
  };
}

/** What a decode gives, with its pieces drawn. */
const drawn = (d: ReturnType<typeof decodeChunks>) => (d.ok ? { ...d, text: { chunks: [...d.text.chunks], lineEnds: d.text.lineEnds } } : d);

describe('decodeSource(source, encoding, chunkBytes): a file read in pieces, twice, never whole', () => {
  it('gives the text, line ends and encoding decodeChunks gives, whatever the piece size', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const texts = [utf8('a€b😀cé,\r\nÅ'), utf8('id,name\r\n1,"x\r\ny"\n2,z\r'), Uint8Array.from([...bom, ...bom, ...utf8('a,\uFEFFb\r\n')]), utf8('')];
    for (const bytes of texts) {
      for (let size = 1; size <= 12; size++) {
        const want = decodeChunks(bytes, undefined, size);
        const got = drawn(decodeSource(source(bytes), undefined, size));
        expect(got.ok && { ...got, text: { ...got.text, chunks: got.text.chunks.join('') } }, `size ${size}`).toEqual(
          want.ok && { ...want, text: { chunks: [...want.text.chunks].join(''), lineEnds: want.text.lineEnds } },
        );
      }
    }
  });
  it('reads a UTF-8 file in pieces of at most the piece size (plus a cut character), never the whole file at once', () => {
    const bytes = utf8('name,city\n' + 'Zoë,São Paulo\n'.repeat(200));
    const reads: number[] = [];
    const d = decodeSource(source(bytes, reads), undefined, 64);
    expect(d.ok && [...d.text.chunks].join('')).toBe(new TextDecoder().decode(bytes));
    expect(Math.max(...reads)).toBeLessThanOrEqual(64);
    expect(reads.length).toBeGreaterThan((2 * bytes.length) / 64);
  });
  it('reads a file that is not UTF-8 whole, with the verdicts of decodeChunks', () => {
    const cp1252 = Uint8Array.from([...utf8('Soci'), 0xe9, ...utf8('t'), 0xe9, ...utf8(',1\r\n')]);
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x2c, 0x00, 0x42, 0x00]);
    const sjisLike = Uint8Array.from([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4]);
    for (const [bytes, encoding] of [[cp1252, undefined], [utf16, undefined], [sjisLike, undefined], [Uint8Array.from([0xff, 0x41]), 'utf8'], [cp1252, 'windows-1252']] as const) {
      expect(drawn(decodeSource(source(bytes), encoding, 3))).toEqual(drawn(decodeChunks(bytes, encoding, 3)));
    }
  });
  it('a file that changes between the check and the decode is an error, not mojibake', () => {
    const bytes = utf8('a,b\n1,2\n');
    const s = source(bytes);
    const d = decodeSource(s, undefined, 4);
    bytes[5] = 0xff;
    expect(() => d.ok && [...d.text.chunks]).toThrow(/changed while it was read/);
  });
  it('finds the line ends of bytes given in pieces as over the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ',', '\r', '\n', '\r\n', 'é'), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (parts, size) => {
        const bytes = utf8(parts.join(''));
        const scan = new ByteLineEnds();
        for (let at = 0; at < bytes.length; at += size) scan.add(bytes.subarray(at, at + size));
        expect(scan.result()).toEqual(byteLineEnds(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseCsv over pieces', () => {
  const cases: Record<string, string> = {
    'records, quoted delimiters and quotes': 'id,name\n1,"a,b"\n2,"say ""hi"""\n3,plain\n',
    'a line break inside quotes': 'a,b\n1,"x\ny"\n2,3\n',
    'CRLF': 'a,b\r\n1,"x\r\ny"\r\n2,3\r\n',
    'CRLF mixed with LF': 'a,b\r\n1,2\n3,"x\r\ny"\r\n4,5\n',
    'bare CR mixed with LF': 'a,b\r1,2\n3,4\r\n5,"x\ry"\r',
    'bare CR': 'a;b\r1;2\r3;4',
    'multi-byte characters': 'näme,cïty\n"Zoë, 😀",São Paulo\n€1,–\n',
    'an unterminated quote': 'a,b\n1,2\n"3,4\n5,6\n',
    'a malformed closing quote': 'a,b\n"x"y,2\n3,4\n',
    'NULL cells': 'a,b,c\nNULL,"NULL",x\n',
    'blank lines and no final line end': '\n\na\tb\n\n1\t2',
    'a single column': 'name\nx\ny\n',
    'a header longer than the pieces': 'a very long first column,and another long one\n1,2\n',
    'empty': '',
    'only line ends': '\n\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: the same records, lines and problems in pieces of any size`, () => {
      const want = whole(text);
      for (let size = 1; size <= text.length + 1; size++) expect(inPieces(text, size), `pieces of ${size} bytes`).toEqual(want);
    });
  }
  it('numbers rows across a cut inside a quoted line break', () => {
    expect(inPieces('a,b\n1,"x\ny"\n2,3\n', 8).map((r) => [r.line, r.cells])).toEqual([[1, ['a', 'b']], [2, ['1', 'x\ny']], [3, ['2', '3']]]);
  });
  it('stops when told to, without reading further pieces', () => {
    let read = 0;
    const chunks = (function* () {
      for (const c of ['a,b\n1,', '2\n3,4\n']) {
        read++;
        yield c;
      }
    })();
    const seen: string[][] = [];
    parseCsv({ chunks, lineEnds: textLineEnds('\n') }, (r) => {
      seen.push(r.cells);
      return false;
    });
    expect(seen).toEqual([['a', 'b']]);
    expect(read).toBe(1);
  });
  it('arbitrary CSV cut anywhere reads as it does whole', () => {
    const cell = fc.oneof(fc.constantFrom('', 'NULL', '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', 'ø€😀', '"a""b"', '"x\r\ny"', ' "q" '), fc.string({ maxLength: 6 }));
    const row = fc.array(cell, { maxLength: 5 });
    const nl = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(row, nl), { maxLength: 8 }), fc.integer({ min: 1, max: 16 }), (rows, size) => {
        const text = rows.map(([r, n]) => r.join(',') + n).join('');
        expect(inPieces(text, size)).toEqual(whole(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('readTable over pieces', () => {
  it('gives the same rows, lines, accounting, issues and rejected file as the whole text', () => {
    const roster = new Roster([{ name: 'Ada Byron', email: 'ada@example.com' }]);
    const ctx = { config: config(), asOf: dayFromIso('2026-03-15'), roster, accountIds: new Set(['001A0000006Vm9rIAC']) };
    const text = [
      'Activity ID,Account ID,Type,Activity Date,Author,Subject',
      'A-1,001A0000006Vm9rIAC,Workshop,2026-03-10,Ada Byron,"Kick-off, São Paulo"',
      'A-2,001A0000006Vm9r,Meeting,3/4/2026,ada@example.com,"two\r\nlines"',
      'A-1,001A0000006Vm9rIAC,Meeting,2026-03-11,,dup',
      'A-3,001A0000006Vm9rIAC,Onsite,13/02/2026,Zoë,x',
      'A-4,001A0000006Vm9rIAC,Meeting,2026-04-01,,future',
      'A-5,001B0000006Vm9rIAC,Email,2026-03-01,,unknown account',
      '"A-6,001A0000006Vm9rIAC,Email,2026-03-01,,broken',
      '',
      'Total,,,,,',
      '',
      'Confidential Information - Do Not Distribute',
      'Generated By:  Ada Byron  3/15/2026 6:02 AM',
    ].join('\r\n');
    const want = readTable(ACTIVITIES, text, ctx);
    expect(want.read).toBeGreaterThan(3);
    for (const size of [1, 2, 3, 5, 17, 64]) {
      const d = decodeChunks(utf8(text), undefined, size);
      if (!d.ok) throw new Error(d.reason);
      expect(readTable(ACTIVITIES, d.text, ctx), `pieces of ${size} bytes`).toEqual(want);
    }
  });
});
