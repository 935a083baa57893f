// Reading GFM tables by column name, matched loosely: "Risk ID", "ID" and "Ref" all find the ID column.
import type { Table, TableCell } from '../model';

export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The index of the first column whose header matches one of `names` (exactly after normalisation, then as a
 * leading word), or -1. Names are tried in order, so put the most specific first.
 */
export function findColumn(table: Pick<Table, 'header'>, names: readonly string[]): number {
  const headers = table.header.map((c) => normaliseHeader(c.text));
  for (const name of names) {
    const exact = headers.indexOf(name);
    if (exact >= 0) return exact;
  }
  for (const name of names) {
    const loose = headers.findIndex((h) => h.startsWith(name + ' ') || h.endsWith(' ' + name));
    if (loose >= 0) return loose;
  }
  return -1;
}

export function cellAt(cells: TableCell[], column: number): TableCell | undefined {
  return column >= 0 ? cells[column] : undefined;
}

/** The ID column: one named like `names`, else a first column headed `#` or nothing. */
export function idColumn(table: Pick<Table, 'header'>, names: readonly string[]): number {
  const named = findColumn(table, names);
  if (named >= 0) return named;
  return table.header.length > 1 && normaliseHeader(table.header[0].text) === '' ? 0 : -1;
}
