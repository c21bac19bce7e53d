/**
 * The rejected-rows file of an export, as Salesforce Data Loader's error file: the original header
 * and cells of each rejected row, then `Line` and `Reason`.
 */

/** A rejected row: its original cells, its spreadsheet line and why it was rejected. */
export interface RejectedRow {
  cells: string[];
  line: number;
  reason: string;
}

/**
 * A cell made safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, tab or carriage
 * return would run as a formula, so it gets a leading `'`. The reader turns the line ends inside a
 * quoted value into LF, so a cell that began with a carriage return arrives here beginning with LF:
 * a leading line feed is prefixed too.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The CSV text of the rejected rows of one file (comma-separated, CRLF line ends). */
export function rejectedCsv(header: readonly string[], rows: readonly RejectedRow[]): string {
  const line = (cells: readonly string[]) => cells.map((c) => quote(neutralizeFormula(c))).join(',');
  const out = [line([...header, 'Line', 'Reason'])];
  for (const r of rows) {
    // Line and Reason stay under their headers: short rows are padded, cells beyond the header follow them.
    const cells = r.cells.slice(0, header.length);
    while (cells.length < header.length) cells.push('');
    out.push(line([...cells, String(r.line), r.reason, ...r.cells.slice(header.length)]));
  }
  return out.join('\r\n') + '\r\n';
}
