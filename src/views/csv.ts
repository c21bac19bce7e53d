/** The CSV downloads of long tables: the same rows as the table, safe to open in a spreadsheet. */
import Papa from 'papaparse';
import { neutralizeFormula } from '../ingest/rejected.ts';

/** A download: its header and rows of plain cell text (null is an empty cell). */
export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

/**
 * The CSV text of a table (comma-separated, CRLF line ends). Every cell that begins with `=`, `+`,
 * `-`, `@`, tab or carriage return gets a leading `'`, as the rejected-rows files do, so a
 * spreadsheet never runs a cell of the exports as a formula.
 */
export function csvText(table: CsvTable): string {
  const cell = (v: string | number | null): string => neutralizeFormula(v === null ? '' : String(v));
  return `${Papa.unparse({ fields: table.header.map(cell), data: table.rows.map((r) => r.map(cell)) }, { newline: '\r\n' })}\r\n`;
}

/** The response of a CSV endpoint. */
export function csvResponse(table: CsvTable): Response {
  return new Response(csvText(table), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
