import { z } from 'astro/zod';
import { DirectiveInvalid } from '../../errors.ts';
import { dataTable } from '../../render/dataTable.ts';
import { escapeHtml } from '../../render/escape.ts';
import { directiveTable } from './filterRows.ts';
import { type Directive, DirectiveProblem } from './types.ts';

const attributes = z.strictObject({
  /** The computed table or dataset alias to show. */
  data: z.string().min(1),
  /** The columns to show, in order, separated by commas (default: all). */
  columns: z.string().optional(),
  /** Header text for those columns, in the same order, separated by commas. */
  headers: z.string().optional(),
  where: z.string().optional(),
  description: z.string().optional(),
});

/**
 * `::table[Caption]{data=… columns="a, b" where="…"}` shows a computed table in
 * the page, formatted with the table's own column formats.
 */
export const tableDirective: Directive<z.infer<typeof attributes>> = {
  name: 'table',
  kind: 'leaf',
  attributes,
  render(attrs, label, { analysis, nextId }) {
    const caption = label.trim();
    if (!caption) throw new DirectiveProblem(DirectiveInvalid, DirectiveInvalid.message('table', 'needs a caption: ::table[Caption]{…}.'));
    const { table, rows } = directiveTable(analysis, attrs, 'table');
    const known = new Set(table.rows.flatMap((row) => Object.keys(row)));
    const columns = attrs.columns
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const unknown = columns?.filter((c) => !known.has(c)) ?? [];
    if (unknown.length > 0) {
      const list = (names: Iterable<string>) => [...names].map((c) => `"${c}"`).join(', ');
      throw new DirectiveProblem(
        DirectiveInvalid,
        DirectiveInvalid.message('table', `"${attrs.data}" has no column ${list(unknown)}; it has ${list(known)}.`),
      );
    }
    const headerTexts = attrs.headers?.split(',').map((h) => h.trim());
    if (headerTexts && headerTexts.length !== (columns?.length ?? -1)) {
      throw new DirectiveProblem(
        DirectiveInvalid,
        DirectiveInvalid.message('table', `headers="${attrs.headers}" needs columns="…" and one header per column.`),
      );
    }
    const headers = headerTexts && columns ? Object.fromEntries(columns.map((c, i) => [c, headerTexts[i] ?? c])) : undefined;
    const id = nextId(`table-${attrs.data}`);
    const description = attrs.description ? ` <span class="chart-description">${escapeHtml(attrs.description)}</span>` : '';
    return [
      `<figure class="data-table" id="${escapeHtml(id)}">`,
      `<figcaption><strong class="chart-title">${escapeHtml(caption)}</strong>${description}</figcaption>`,
      dataTable(rows, { formats: table.formats, ...(columns ? { columns } : {}), ...(headers ? { headers } : {}) }),
      '</figure>',
    ].join('');
  },
};
