import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `files` (path → content) under a fresh temporary project root and returns it. */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'soundings-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export const postsManifest = (extra = '') => `title: Test tweets
description: Tweets for a test.
kind: posts
source: Made up for the test
licence: CC0-1.0
collected: 2016-09-18
synthetic:
  script: tests/data/helpers.ts
fields:
  id: id
  time: created_at
  author: user
  text: text
${extra}`;
