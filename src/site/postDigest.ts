import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDigest, sha256 } from '../data/datasetFiles.ts';
import { postSource } from '../markdown/postSource.ts';
import { postsLanguage } from './siteSettings.ts';

/** The dataset folder names a post's frontmatter names, whatever else is wrong with it. */
export function datasetsOf(markdown: string): string[] {
  try {
    const { datasets } = postSource(markdown).data;
    if (!datasets || typeof datasets !== 'object') return [];
    return Object.values(datasets as Record<string, unknown>)
      .filter((v): v is string => typeof v === 'string')
      .sort();
  } catch {
    return [];
  }
}

/** SHA-256 of every `.vl.json` chart spec in the content folder (posts may read any of them). */
export function specsDigest(contentDir: string): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.vl.json')) parts.push(`${path}\0${sha256(readFileSync(path))}`);
    }
  };
  walk(contentDir);
  return sha256(parts.sort().join('\n'));
}

/**
 * What every post's render depends on besides its own Markdown and data and the code: the chart specs, and the site's
 * language (the posts' stopwords' default; not the rest of site.yaml, which pages read). The content loader folds it,
 * with the code's digest, into each post's digest; the remark plugin checks it before it takes a post the build's
 * second thread rendered (src/markdown/renderedAhead.ts).
 */
export function siteInputs(root: string, contentDir: string): string {
  return `${specsDigest(contentDir)}\n${postsLanguage(root) ?? ''}`;
}

/**
 * What a post's rendered HTML depends on besides its Markdown: the content of
 * each dataset it names, the chart specs beside it, and the rendering code.
 */
export function postDependencies(markdown: string, dataDir: string, extra: string): string {
  // datasetDigest keeps each file's hash for the build (src/data/fileHash.ts): posts sharing a dataset hash it once.
  const datasets = datasetsOf(markdown).map((id) => `${id}:${datasetDigest(join(dataDir, id))}`);
  return `${datasets.join('\n')}\n${extra}`;
}
