/**
 * Downloads in `astro dev`: the files of every dataset whose licence allows
 * redistribution, served byte for byte beside its page, with its manifest.
 * A build lists no paths here: src/site/downloads.ts copies the same files
 * once the pages are written.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadFiles } from '../../../site/downloads.ts';
import { siteDataOptions, siteProfiles } from '../../../site/siteData.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  return downloadFiles(await siteProfiles(), siteDataOptions().root).map(([path, url]) => {
    const [, id, file] = url.split('/');
    return { params: { id: id as string, file: file as string }, props: { path } };
  });
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  yaml: 'text/yaml; charset=utf-8',
};

export const GET: APIRoute = ({ props }) => {
  const path = props.path as string;
  const type = TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
  return new Response(readFileSync(path), { headers: { 'Content-Type': type } });
};
