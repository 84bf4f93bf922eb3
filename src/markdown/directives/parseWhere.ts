import { where } from '../../analysis/where.ts';
import type { Cell, Row } from '../../data/types.ts';
import { DirectiveInvalid } from '../../errors.ts';
import { DirectiveProblem } from './types.ts';

/** Parses a directive's `where="platform=twitter, year=2016"` into a filter for `where()`. */
export function parseWhere(text: string, directive: string): Record<string, Cell> {
  const filter: Record<string, Cell> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) {
      throw new DirectiveProblem(
        DirectiveInvalid,
        DirectiveInvalid.message(directive, `where="${text}" must be column=value pairs separated by commas.`),
      );
    }
    filter[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return filter;
}

const SHOWN = 12;
const quoted = (values: Iterable<unknown>) =>
  [...values].map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v === undefined ? null : v))).join(', ');

/**
 * The rows of table `name` that a directive's `where` keeps. A filter that keeps nothing is refused rather than
 * drawn as an empty figure: a column the table does not have, or values none of its rows hold (a campaign's id
 * where the column holds its label), are named with what the table does hold.
 */
export function filterRows(rows: readonly Row[], text: string | undefined, directive: string, name: string): readonly Row[] {
  if (text === undefined) return rows;
  const filter = parseWhere(text, directive);
  const kept = where(rows, filter);
  if (kept.length > 0 || rows.length === 0) return kept;
  const fail = (problem: string) => new DirectiveProblem(DirectiveInvalid, DirectiveInvalid.message(directive, problem));
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  for (const column of Object.keys(filter)) {
    if (!columns.has(column))
      throw fail(`where="${text}": "${name}" has no column "${column}"; it has ${quoted(columns)}. Column names are case-sensitive.`);
  }
  const held = Object.keys(filter).map((column) => {
    const values = [...new Set(rows.map((row) => row[column] ?? null).map((v) => (v instanceof Date ? v.toISOString() : v)))];
    const more = values.length > SHOWN ? ` and ${values.length - SHOWN} more` : '';
    return `"${column}" holds ${quoted(values.slice(0, SHOWN))}${more}`;
  });
  throw fail(`where="${text}" keeps no row of "${name}" (${rows.length} rows): ${held.join('; ')}.`);
}
