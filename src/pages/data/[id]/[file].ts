/**
 * Downloads: the files of every dataset whose licence allows redistribution
 * (see `downloadAllowed`), copied byte for byte beside its page, with its manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { MANIFEST } from '../../../data/datasetFiles.ts';
import { downloadAllowed, fileName } from '../../../site/datasetSummary.ts';
import { siteDataOptions, siteDatasets } from '../../../site/siteData.ts';

export const getStaticPaths = (async () => {
  const { root } = siteDataOptions();
  const paths = [];
  for (const d of await siteDatasets()) {
    if (!downloadAllowed(d.manifest.licence)) continue;
    for (const f of d.files) paths.push({ params: { id: d.id, file: fileName(f.path) }, props: { path: join(root, f.path) } });
    paths.push({ params: { id: d.id, file: MANIFEST }, props: { path: join(root, d.dir, MANIFEST) } });
  }
  return paths;
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
