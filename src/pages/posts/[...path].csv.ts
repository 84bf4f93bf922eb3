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

export const GET: APIRoute = ({ props }) => new Response(props.csv as string, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
