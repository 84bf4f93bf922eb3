/** Helpers for the tests of social exports: the fixtures, a manifest for a format, and a dataset loaded from files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../../src/data/loadDataset.ts';
import type { Post, PostsDataset } from '../../../src/data/types.ts';
import { tempProject } from '../helpers.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'social');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The manifest of a posts dataset "x" read from a social export in `format`. */
export const manifest = (format: string) => `title: Export
description: A social export for a test.
kind: posts
source: Written by hand from the platform's documented format
licence: CC0-1.0
collected: 2024-09-02
format: ${format}
files: "*.{json,ndjson,jsonl}"
`;

/** Dataset "x" in `format`, read from `files` (name → content). */
export async function load(format: string, files: Record<string, string>): Promise<PostsDataset> {
  const root = tempProject(
    Object.fromEntries([['data/x/manifest.yaml', manifest(format)], ...Object.entries(files).map(([n, t]) => [`data/x/${n}`, t])]),
  );
  return (await loadDataset('x', { root, dataDir: join(root, 'data') })) as PostsDataset;
}

export const iso = (p: Post) => new Date(p.time).toISOString();
