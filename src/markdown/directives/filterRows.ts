import type { PostAnalysis, Table } from '../../analysis/analysePost.ts';
import { heldValues, where } from '../../analysis/where.ts';
import type { Row } from '../../data/types.ts';
import { DirectiveInvalid, shown, UnknownTable } from '../../errors.ts';
import { parseWhere } from './parseWhere.ts';
import { DirectiveProblem } from './types.ts';

/**
 * The rows of table `name` that a directive's `where` keeps. A filter that keeps nothing is refused rather than
 * drawn as an empty figure, naming what the column does hold (a campaign's label where its id was written); so
 * is a filter on a column the table does not have (it would keep every row whose cell is "empty", or none).
 */
export function filterRows(rows: readonly Row[], text: string | undefined, directive: string, name: string): readonly Row[] {
  if (text === undefined) return rows;
  const filter = parseWhere(text, directive);
  if (rows.length === 0) return rows;
  const fail = (problem: string) =>
    new DirectiveProblem(DirectiveInvalid, DirectiveInvalid.message(directive, problem), { attribute: 'where' });
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  for (const column of Object.keys(filter)) {
    if (!columns.has(column)) {
      const known = [...columns].map((c) => `"${shown(c)}"`).join(', ');
      throw fail(`where="${shown(text)}": "${name}" has no column "${shown(column)}"; it has ${known}. Column names are case-sensitive.`);
    }
  }
  const kept = where(rows, filter);
  if (kept.length > 0) return kept;
  throw fail(
    `where="${shown(text)}" keeps no row of "${name}" (${rows.length} ${rows.length === 1 ? 'row' : 'rows'}): ${heldValues(rows, filter)}.`,
  );
}

/**
 * The table a directive names in `data` (a computed table or a dataset alias) and the rows its `where` keeps:
 * an unknown name is refused with the known ones (a posts dataset's alias is said to be one).
 */
export function directiveTable(
  analysis: PostAnalysis,
  attrs: { data: string; where?: string | undefined },
  directive: string,
): { table: Table; rows: readonly Row[] } {
  const table = analysis.tables.get(attrs.data);
  if (!table) {
    const known = [...analysis.tables.keys()];
    throw new DirectiveProblem(UnknownTable, UnknownTable.message(attrs.data, known, analysis.postsAliases.includes(attrs.data)), {
      attribute: 'data',
    });
  }
  return { table, rows: filterRows(table.rows, attrs.where, directive, attrs.data) };
}
