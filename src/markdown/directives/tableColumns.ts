/**
 * The `columns="a, b"` and `headers="A, B"` attributes of `::table` and `::chart` (for its data table): which
 * columns a table shows, in order, and what each is headed. A chart's fields are often names for code (`label`,
 * `kind`, `Valid_Votes`); its data table is for readers.
 */

import type { Row } from '../../data/types.ts';
import { DirectiveInvalid } from '../../errors.ts';
import { smartText } from '../smartText.ts';
import { DirectiveProblem } from './types.ts';

const list = (names: Iterable<string>) => [...names].map((c) => `"${c}"`).join(', ');

export function tableColumns(
  attrs: { data: string; columns?: string | undefined; headers?: string | undefined },
  rows: readonly Row[],
  directive: string,
): { columns?: string[]; headers?: Record<string, string> } {
  const known = new Set(rows.flatMap((row) => Object.keys(row)));
  const columns = attrs.columns
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = columns?.filter((c) => !known.has(c)) ?? [];
  if (unknown.length > 0) {
    throw new DirectiveProblem(
      DirectiveInvalid,
      DirectiveInvalid.message(directive, `"${attrs.data}" has no column ${list(unknown)}; it has ${list(known)}.`),
      { attribute: 'columns' },
    );
  }
  // Headers are for readers: the body's typography, as a title's (smartText.ts).
  const headerTexts = attrs.headers?.split(',').map((h) => smartText(h.trim()));
  if (headerTexts && headerTexts.length !== (columns?.length ?? -1)) {
    throw new DirectiveProblem(
      DirectiveInvalid,
      DirectiveInvalid.message(directive, `headers="${attrs.headers}" needs columns="…" and one header per column.`),
      { attribute: 'headers' },
    );
  }
  const headers = headerTexts && columns ? Object.fromEntries(columns.map((c, i) => [c, headerTexts[i] ?? c])) : undefined;
  return { ...(columns ? { columns } : {}), ...(headers ? { headers } : {}) };
}
