import { z } from 'astro/zod';
import { DirectiveInvalid } from '../../errors.ts';
import { dataTable } from '../../render/dataTable.ts';
import { escapeHtml } from '../../render/escape.ts';
import { smartText } from '../smartText.ts';
import { directiveTable } from './filterRows.ts';
import { parseWhere } from './parseWhere.ts';
import { tableColumns } from './tableColumns.ts';
import { type Directive, DirectiveProblem } from './types.ts';

const attributes = z.strictObject({
  /** The computed table or dataset alias to show. */
  data: z.string().min(1),
  /** The columns to show, in order, separated by commas (default: all). */
  columns: z.string().optional(),
  /** Header text for those columns, in the same order, separated by commas. */
  headers: z.string().optional(),
  where: z.string().optional(),
  /** With the body's typography, as the label is (remark-smartypants sets the label; attributes it does not read). */
  description: z.string().transform(smartText).optional(),
});

/**
 * `::table[Caption]{data=… columns="a, b" where="…"}` shows a computed table in
 * the page, formatted with the table's own column formats and headed with its
 * own headers (a built-in table's, or those a derived table's definition
 * gives or keeps), else each column's name as words, unless `headers="…"`
 * gives others.
 */
export const tableDirective: Directive<z.infer<typeof attributes>> = {
  name: 'table',
  kind: 'leaf',
  attributes,
  check(attrs, label) {
    if (!label.trim())
      throw new DirectiveProblem(DirectiveInvalid, DirectiveInvalid.message('table', 'needs a caption: ::table[Caption]{…}.'));
    if (attrs.where !== undefined) parseWhere(attrs.where, 'table');
  },
  render(attrs, label, { analysis, nextId }) {
    const caption = label.trim();
    const { table, rows } = directiveTable(analysis, attrs, 'table');
    const { columns, headers } = tableColumns(attrs, table.rows, 'table');
    const id = nextId(`table-${attrs.data}`);
    const description = attrs.description ? ` <span class="chart-description">${escapeHtml(attrs.description)}</span>` : '';
    return [
      `<figure class="data-table" id="${escapeHtml(id)}">`,
      `<figcaption><strong class="chart-title">${escapeHtml(caption)}</strong>${description}</figcaption>`,
      // The table's own headers (a built-in table's, a derived table's: analysePost.ts, frontmatterTables.ts) under the
      // directive's; a column neither heads is headed by its name as words (dataTable.ts). Its frame, which scrolls a
      // table wider than the column, is named by the caption, as a chart's data table's is.
      dataTable(rows, {
        formats: table.formats,
        ...(columns ? { columns } : {}),
        headers: { ...table.headers, ...headers },
        label: caption,
      }),
      '</figure>',
    ].join('');
  },
};
