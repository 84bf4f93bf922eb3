import { sum } from 'd3-array';
import type { Cell, Row } from '../data/types.ts';

/** A group key that tells `2015` from `'2015'` and a Date from its ISO string. */
const keyOf = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? 'null' : cell instanceof Date ? `d:${cell.getTime()}` : `${typeof cell}:${String(cell)}`;

/**
 * One row per distinct value of `by`, in order of first appearance, holding
 * that value (under `by`), the number of the group's rows (under `count`, when
 * given) and, for each of `columns`, the sum of the column over the group's rows. Sums follow d3-array's `sum` over number cells only:
 * null, missing and non-number cells are skipped, so a group whose cells are
 * all empty sums to 0. Rows whose `by` cell is empty form one group keyed
 * `null`. No rows give no groups.
 */
export function groupSum(rows: readonly Row[], by: string, columns: readonly string[], count?: string): Row[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row[by]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return Array.from(groups.values(), (group) => ({ [by]: group[0]?.[by] ?? null, ...sumColumns(group, columns, count) }));
}

/**
 * For each of `columns`, its sum over `rows`, by the rule of {@link groupSum} (number cells only); and, under
 * `count` when given, how many rows there are.
 */
export function sumColumns(rows: readonly Row[], columns: readonly string[], count?: string): Row {
  const out: Row = {};
  if (count !== undefined) out[count] = rows.length;
  for (const column of columns) {
    out[column] = sum(rows, (r) => {
      const cell = r[column];
      return typeof cell === 'number' ? cell : null;
    });
  }
  return out;
}
