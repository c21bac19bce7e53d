/**
 * What the sorting and filtering script needs to know of a long table: the columns it filters by
 * (with the values to offer) and where its CSV download is. The table is complete without them.
 */

/** One filter of a table: a column (0-based, row headers included) and the values it can take. */
export interface TableFilter {
  column: number;
  label: string;
  options: string[];
}

/** The controls of a long table. */
export interface TableTools {
  /** The `id` of the table element. */
  tableId: string;
  filters: TableFilter[];
  /** The CSV download of the same rows, or null. */
  csvHref: string | null;
  rowCount: number;
}

/** How many rows make a table long enough to sort, filter and download. */
export const LONG_TABLE_ROWS = 20;

/** A filter of a column whose values are `values`: the distinct non-empty values, in text order. */
export function tableFilter(column: number, label: string, values: readonly (string | null)[]): TableFilter {
  const options = [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, 'en'));
  return { column, label, options };
}
