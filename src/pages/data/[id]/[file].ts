/**
 * Downloads in `astro dev`: the files of every dataset whose licence allows
 * redistribution, served byte for byte beside its page, with its manifest.
 * A build lists no paths here: src/site/downloads.ts copies the same files
 * once the pages are written.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadFiles } from '../../../site/downloads.ts';
import { siteDataOptions, siteProfiles } from '../../../site/siteData.ts';
import { CONTENT_TYPES } from '../../../site/staticServer.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  return downloadFiles(await siteProfiles(), siteDataOptions().root).map(([path, url]) => {
    const [, id, file] = url.split('/');
    return { params: { id: id as string, file: file as string }, props: { path } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const path = props.path as string;
  const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
  return new Response(readFileSync(path), { headers: { 'Content-Type': type } });
};
