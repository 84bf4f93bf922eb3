import { escapeHtml } from './escape.ts';
import { bdi } from './isolate.ts';

export interface FigureOptions {
  /** The figure's id, unique on the page. */
  id: string;
  title: string;
  description: string;
  /** The chart, as trusted markup from {@link chartSvg}. */
  svg: string;
  /** The same chart drawn for phones (src/render/narrowChart.ts), shown instead of `svg` on small screens. */
  narrowSvg?: string | undefined;
  /** The fallback table, as trusted markup from {@link dataTable}. */
  table: string;
  /** Where the data comes from, shown under the chart as "Source: …". */
  source?: string;
  /** A link to the chart's table as CSV ("Get the data"). */
  download?: { href: string; rows: number };
}

/**
 * The HTML of one chart: `<figure class="chart">` holding a caption (title
 * and description), the inline SVG, an optional source line and the data
 * table in a closed `<details class="chart-data">`. Works without JavaScript.
 * Title, description, source and id are escaped; `svg` and `table` are
 * inserted as they are.
 */
export function figure(options: FigureOptions): string {
  const { id, title, description, svg, narrowSvg, table, source, download } = options;
  const rows = download ? `${download.rows} row${download.rows === 1 ? '' : 's'}` : '';
  return [
    `<figure class="chart" id="${escapeHtml(id)}">`,
    '<figcaption>',
    `<strong class="chart-title">${escapeHtml(title)}</strong> `,
    `<span class="chart-description">${escapeHtml(description)}</span>`,
    '</figcaption>',
    narrowSvg === undefined ? svg : `<div class="chart-wide">${svg}</div><div class="chart-narrow">${narrowSvg}</div>`,
    source === undefined ? '' : `<p class="chart-source">Source: ${bdi(source)}</p>`,
    // Named for its chart, for a screen reader's list of controls, where every one would read "Data table".
    // The table and the download link are left out of the search index (searchIndex.ts): a result's excerpt would
    // otherwise quote their cells and labels ("Data table of Leave", "Download the data (CSV, 12 rows)"), not prose.
    `<details class="chart-data" data-pagefind-ignore="all"><summary>Data table<span class="visually-hidden"> of ${escapeHtml(title)}</span></summary>${table}</details>`,
    download === undefined
      ? ''
      : `<p class="chart-download" data-pagefind-ignore="all"><a href="${escapeHtml(download.href)}" download>Download the data (CSV, ${rows})</a></p>`,
    '</figure>',
  ].join('');
}
