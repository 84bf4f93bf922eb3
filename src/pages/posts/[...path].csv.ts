/**
 * "Get the data": each chart's table as a CSV file beside its post, at
 * /posts/<post>/<figure id>.csv. The chart's figure links to it; written as a
 * static file rather than a data: URL so pages stay light.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedPosts, recordOf } from '../../site/site.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const post of await publishedPosts()) {
    for (const chart of recordOf(post)?.charts ?? []) {
      paths.push({ params: { path: `${post.id}/${chart.id}` }, props: { csv: chart.csv } });
    }
  }
  return paths;
}) satisfies GetStaticPaths;

/**
 * In UTF-8 with a byte order mark: Excel reads a CSV file opened from the downloads folder as the machine's legacy
 * code page unless it starts with one, and the rows hold typographic quotes ("Corbyn’s"), accented names and
 * hashtags in any script. Spreadsheets, d3-dsv's readers aside, take the mark as the encoding's, not as text.
 */
const BOM = '\uFEFF';

export const GET: APIRoute = ({ props }) =>
  new Response(`${BOM}${props.csv as string}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
