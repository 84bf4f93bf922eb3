import { ascending } from 'd3-array';
import type { Cell, Row } from '../data/types.ts';

export interface SortKey {
  column: string;
  descending: boolean;
}

/** Parses `-share` (descending) or `share` (ascending). */
export function sortKey(text: string): SortKey {
  return text.startsWith('-') ? { column: text.slice(1), descending: true } : { column: text, descending: false };
}

const isEmpty = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'number' && Number.isNaN(cell));

/**
 * A sorted copy of the rows, by each key in turn. Numbers, strings (by code
 * point, not locale, so every machine agrees) and Dates compare with d3-array's
 * `ascending`; empty cells (null, missing, NaN) come last in either direction.
 * Rows equal on every key keep their original order, so the result is
 * deterministic.
 */
export function sortRows(rows: readonly Row[], keys: readonly SortKey[]): Row[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      for (const { column, descending } of keys) {
        const x = a.row[column];
        const y = b.row[column];
        if (isEmpty(x) || isEmpty(y)) {
          if (isEmpty(x) && isEmpty(y)) continue;
          return isEmpty(x) ? 1 : -1;
        }
        const order = descending ? ascending(y as never, x as never) : ascending(x as never, y as never);
        if (order !== 0 && !Number.isNaN(order)) return order;
      }
      return a.index - b.index;
    })
    .map(({ row }) => row);
}
