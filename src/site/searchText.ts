/**
 * The HTML Pagefind reads. Pagefind separates the text of block elements
 * (paragraphs, headings, list items, table rows) but joins that of table cells
 * and of a description list's terms and details when no whitespace stands
 * between them, as in Astro's and the renderers' output: a dataset page's facts
 * read "LicenceCC0-1.0Collected19 September 2016" in search results, and a
 * search for a word glued to its neighbour finds nothing.
 *
 * A space after each such closing tag separates them. Whitespace between
 * cells is not rendered, so the pages themselves are written unchanged; only
 * the text given to the indexer differs.
 */
const GLUED = /<\/(?:td|th|dt|dd|caption|summary|figcaption)>(?=<)/gi;

export function separateCells(html: string): string {
  return html.replace(GLUED, '$& ');
}
