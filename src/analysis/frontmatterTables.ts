/**
 * Tables a post defines under `tables` in its frontmatter, computed from a
 * dataset or another table, or scored from named values. A tiny fixed set of
 * steps, nothing evaluated as code:
 *
 *   from ─ where ─ groupBy/sum ─ derive ─ sort ─ limit ─ select   (derived table)
 *   scorecard keys ─ against key ─ label, value, actual, error, absError
 *
 * Every problem is reported through `fail` at the frontmatter key that caused
 * it (`tables.<name>.<step>`), with what to do.
 */
import type { Cell, Row } from '../data/types.ts';
import { joinNames } from '../joinNames.ts';
import type { DerivedTableDefinition, ScorecardTableDefinition, TableDefinition } from '../markdown/frontmatter.ts';
import { dayOrInstant, derivedColumnFormat, formatValue, isD3Specifier, isHouseFormat } from '../render/format.ts';
import { readableName } from '../render/readableName.ts';
import type { Fail, Table } from './analysePost.ts';
import { evaluate, expressionColumns, parseExpression } from './expression.ts';
import { groupSum, sumColumns } from './groupSum.ts';
import { SCORECARD_HEADERS, SHARE_SCORECARD_FORMATS, scorecard } from './scorecard.ts';
import { sortKey, sortRows } from './sortRows.ts';
import { DEFAULT_FORMAT, type Value } from './value.ts';
import { where } from './where.ts';

export interface TableSource extends Table {
  /** What it is, for messages: `dataset eu-referendum-2016` or `table "regions"`. */
  what: string;
  /** The same for definitions, the dataset's id isolated (src/render/isolate.ts). */
  named: string;
}

export interface TableContext {
  /** The table or dataset alias `name`, computing it first if needed; undefined when there is none. */
  source(name: string): TableSource | undefined;
  /** The names `from` may use, for messages. */
  known(): string[];
  /** Whether `name` is the alias of a posts dataset (which a table cannot read row by row). */
  isPosts(name: string): boolean;
  /** The value `key`, computing it first if needed; fails at `path` when there is none. */
  value(key: string, path: (string | number)[]): Value;
  fail: Fail;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
export const cellText = (cell: Cell | undefined) =>
  cell === null || cell === undefined ? 'empty' : cell instanceof Date ? dayOrInstant(cell) : JSON.stringify(cell);

/** "row 3 (Area "Boston")": the row's position and its first text cell, to find it in the data. */
export function describeRow(row: Row, index: number): string {
  const named = Object.entries(row).find(([, v]) => typeof v === 'string' && v !== '');
  return named ? `row ${index + 1} (${named[0]} ${JSON.stringify(named[1])})` : `row ${index + 1}`;
}

/** Computes one table defined under `tables`. */
export function computeTable(name: string, def: TableDefinition, context: TableContext): Table {
  return 'scorecard' in def ? scorecardTable(name, def, context) : derivedTable(name, def, context);
}

function derivedTable(name: string, def: DerivedTableDefinition, context: TableContext): Table {
  const fail: Fail = context.fail;
  const { source, known } = context;
  const at = (...path: (string | number)[]) => ['tables', name, ...path];
  const from = source(def.from);
  if (!from) {
    fail(
      at('from'),
      context.isPosts(def.from)
        ? `reads "${def.from}", a posts dataset: tables read accounts and table datasets and other tables; posts are counted through the campaign keys and the computed tables "weekly" and "share-of-voice". Known: ${quoted(known())}.`
        : `reads "${def.from}", which is neither a dataset alias of this post nor a table. Known: ${quoted(known())}.`,
    );
  }
  let rows = from.rows;
  let columns = new Set(rows.flatMap((r) => Object.keys(r)));
  const formats: Record<string, string> = { ...from.formats };
  // Readers' headers: a column keeps the one it had in the table it comes from (a built-in table's "Week beginning",
  // a scorecard's "Method") while it holds the same values; a column the steps make anew (a count, a derived column)
  // has none, so that it is headed by its name as words (dataTable.ts), unless the definition's `headers` gives one.
  let headers: Record<string, string> = { ...from.headers };
  const steps: string[] = [];
  const needColumn = (column: string, path: (string | number)[]) => {
    if (!columns.has(column)) fail(path, `reads column "${column}", which the table does not have (it has ${quoted([...columns])}).`);
  };

  for (const column of Object.keys(def.where)) needColumn(column, at('where', column));
  rows = where(rows, def.where);
  if (Object.keys(def.where).length > 0) {
    steps.push(
      `where ${Object.entries(def.where)
        .map(([k, v]) => `${k} = ${cellText(v).replace(/^"|"$/g, '')}`)
        .join(', ')}`,
    );
  }
  if (rows.length === 0) {
    fail(
      at(Object.keys(def.where).length > 0 ? 'where' : 'from'),
      `has no rows: nothing in ${from.what} matches. Check the data or the filter.`,
    );
  }

  if (def.sum.length > 0 || def.groupBy !== undefined || def.count !== undefined) {
    const { count } = def;
    if (count !== undefined && (count === def.groupBy || def.sum.includes(count)))
      fail(at('count'), `names column "${count}", which the group or the sums already fill: choose another name.`);
    const counted = count === undefined ? '' : `, with the number of rows in ${count}`;
    if (count !== undefined) formats[count] = 'thousands'; // whatever the source's column of that name was
    if (count !== undefined) delete headers[count]; // and whatever it was headed
    def.sum.forEach((column, i) => {
      needColumn(column, at('sum', i));
      const index = rows.findIndex((r) => r[column] !== null && r[column] !== undefined && typeof r[column] !== 'number');
      const bad = rows[index];
      if (bad) fail(at('sum', i), `sums column "${column}", but ${describeRow(bad, index)} holds ${cellText(bad[column])}, not a number.`);
    });
    if (def.groupBy !== undefined) {
      const by = def.groupBy;
      needColumn(by, at('groupBy'));
      const index = rows.findIndex((r) => r[by] === null || r[by] === undefined || r[by] === '');
      const bad = rows[index];
      if (bad)
        fail(
          at('groupBy'),
          `groups by "${by}", but ${describeRow(bad, index)} has no "${by}". Fill it in, or leave such rows out with "where".`,
        );
      rows = groupSum(rows, by, def.sum, count);
      steps.push(`grouped by ${by}${def.sum.length > 0 ? `, with ${joinNames(def.sum)} summed over each group’s rows` : ''}${counted}`);
    } else {
      rows = [sumColumns(rows, def.sum, count)];
      steps.push(`${def.sum.length > 0 ? `${joinNames(def.sum)} summed over all rows` : 'all rows taken together'}${counted}`);
    }
    columns = new Set(Object.keys(rows[0] as Row));
  }

  for (const [column, text] of Object.entries(def.derive)) {
    const expression = parseExpression(text);
    if (typeof expression === 'string') fail(at('derive', column), `derives "${column}" from ${expression}`);
    for (const used of expressionColumns(expression)) needColumn(used, at('derive', column));
    rows = rows.map((row, index) => {
      const value = evaluate(expression, row);
      if (!Number.isFinite(value)) {
        const inputs = expressionColumns(expression).map((c) => `${c} = ${cellText(row[c])}`);
        const why =
          expression.operator === '/' && inputs.length > 0 ? ' (division by zero, or an empty cell)' : ' (an empty or non-number cell)';
        fail(
          at('derive', column),
          `cannot compute "${column}" = ${text} for ${describeRow(row, index)}: ${inputs.join(', ')}${why}. Fix the data, or leave the row out with "where".`,
        );
      }
      return { ...row, [column]: value };
    });
    columns.add(column);
    delete headers[column]; // a derived column replacing one of the same name holds other values
    // Rounded to what its values need (`formats`, applied below, gives it another format).
    formats[column] = derivedColumnFormat(rows.map((row) => row[column] as number));
    steps.push(`${column} = ${text}`);
  }

  if (def.sort !== undefined) {
    const texts = typeof def.sort === 'string' ? [def.sort] : def.sort;
    const keys = texts.map(sortKey);
    keys.forEach((key, i) => {
      needColumn(key.column, typeof def.sort === 'string' ? at('sort') : at('sort', i));
    });
    rows = sortRows(rows, keys);
    steps.push(
      `sorted by ${keys.map((k) => `${k.column} ${k.descending ? 'descending' : 'ascending'}`).join(', then ')} (ties keep their order)`,
    );
  }
  if (def.limit !== undefined) {
    rows = rows.slice(0, def.limit);
    steps.push(`the first ${def.limit}`);
  }
  if (def.select !== undefined) {
    const pairs = Object.entries(def.select);
    for (const [out, column] of pairs) needColumn(column, at('select', out));
    rows = rows.map((row) => Object.fromEntries(pairs.map(([out, column]) => [out, row[column] ?? null])));
    for (const [out, column] of pairs) {
      const format = formats[column];
      if (format !== undefined && out !== column) formats[out] = format;
    }
    // A column renamed is still the column it was to a reader: `select: {label: Region}` renames a column for the
    // chart that draws it (share-bar reads `label`), and the reader reads regions, so it keeps the header of its
    // source column, or that column's name as words ("Region", not "Label"). Not a column selected more than once
    // (two columns would be headed alike): each copy is headed by its own name.
    const once = (column: string) => pairs.filter(([, c]) => c === column).length === 1;
    headers = Object.fromEntries(
      pairs.flatMap(([out, column]) => {
        const header = once(column) ? (headers[column] ?? (out !== column ? readableName(column) : undefined)) : undefined;
        return header === undefined ? [] : [[out, header]];
      }),
    );
    columns = new Set(pairs.map(([out]) => out));
    steps.push(`columns ${pairs.map(([out, column]) => (out === column ? out : `${out} (${column})`)).join(', ')}`);
  }
  for (const [column, format] of Object.entries(def.formats)) {
    if (!isHouseFormat(format) && !isD3Specifier(format)) {
      fail(
        at('formats', column),
        `gives column "${column}" the format "${format}", which is neither a house format nor a d3-format specifier.`,
      );
    }
    if (format === 'more-than') {
      fail(
        at('formats', column),
        `gives column "${column}" the format "more-than", which is for prose ("more than :value[…]"); a table cell has no "more than" before it. Use "thousands" or another format.`,
      );
    }
    needColumn(column, at('formats', column));
    formats[column] = format;
  }
  for (const column of Object.keys(formats)) if (!columns.has(column)) delete formats[column];
  for (const [column, header] of Object.entries(def.headers)) {
    needColumn(column, at('headers', column));
    headers[column] = header;
  }
  for (const column of Object.keys(headers)) if (!columns.has(column)) delete headers[column];

  const how = `From ${from.named}${steps.length > 0 ? `: ${steps.join('; ')}` : ''}.`;
  return {
    rows,
    formats,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    definition: def.description ? `${def.description.replace(/\.?$/, '.')} ${how}` : how,
  };
}

function scorecardTable(name: string, def: ScorecardTableDefinition, context: TableContext): Table {
  const fail: Fail = context.fail;
  const numeric = (key: string, path: (string | number)[]) => {
    const v = context.value(key, path);
    if (typeof v.value !== 'number' || !Number.isFinite(v.value)) fail(path, `scores "${key}", which is not a number.`);
    return { ...v, value: v.value as number };
  };
  const actual = numeric(def.against, ['tables', name, 'against']);
  const estimates = def.scorecard.map((key, i) => numeric(key, ['tables', name, 'scorecard', i]));
  const rows = scorecard(
    estimates.map((e) => ({ label: e.label ?? e.key, value: e.value })),
    actual.value,
  );
  const shares = actual.type === 'share' && estimates.every((e) => e.type === 'share');
  const format = DEFAULT_FORMAT[actual.type];
  const formats = shares ? { ...SHARE_SCORECARD_FORMATS } : { value: format, actual: format, error: format, absError: format };
  const how =
    `Each of ${joinNames(def.scorecard)} scored against ${def.against} (${formatValue(actual.value, format)}): ` +
    `error = estimate − ${def.against}, absError = |error|${shares ? ', in percentage points' : ''}.`;
  // Its columns are Soundings' names, not the analyst's (a derived table's are theirs): headed for readers.
  return {
    rows: rows as unknown as Row[],
    formats,
    headers: { ...SCORECARD_HEADERS },
    definition: def.description ? `${def.description.replace(/\.?$/, '.')} ${how}` : how,
  };
}
