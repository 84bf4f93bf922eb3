/**
 * The keyness term counts of a posts dataset, counted on the build's second thread (helperWorker.ts) as soon as the
 * dataset is parsed, while Astro is still starting: the posts' thread then finds them (keyness.ts, knownTerms) where
 * it would count them itself, a third of a second for the sample tweets. Each post that names the dataset and has
 * campaigns is read as the posts' thread reads it (its frontmatter validated, its stopwords from its language or the
 * site's), and its campaigns' terms counted by the same call analysePost makes. A post that cannot be read is left to
 * the posts' thread, which says what is wrong; counts for a post that ends up reading other data are not used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postStopwords } from '../analysis/analysePost.ts';
import { keynessValues, memoisedTerms } from '../analysis/keyness.ts';
import type { TermCounts } from '../analysis/termCounts.ts';
import type { PostsDataset } from '../data/types.ts';
import { postSource } from '../markdown/postSource.ts';
import { validateFrontmatter } from '../markdown/validateFrontmatter.ts';
import { postsLanguage } from './siteSettings.ts';

/** Term counts handed from one thread to another: the dataset's digest, and each count by its memo key. */
export interface TermsAhead {
  digest: string;
  entries: [string, TermCounts][];
}

/** The keyness term counts of every post in `postsDir` that names `dataset` (by id) and has campaigns. */
export function countTermsAhead(dataset: PostsDataset, postsDir: string, root: string): TermsAhead {
  const language = postsLanguage(root);
  let files: string[] = [];
  try {
    files = readdirSync(postsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  } catch {
    // No posts folder: nothing to count.
  }
  for (const file of files.sort()) {
    try {
      const frontmatter = validateFrontmatter(postSource(readFileSync(join(postsDir, file), 'utf8'), file), file);
      if (frontmatter.campaigns.length === 0 || !Object.values(frontmatter.datasets).includes(dataset.id)) continue;
      const stopwords = postStopwords(
        frontmatter,
        (_path, message) => {
          throw new Error(message);
        },
        language,
      );
      keynessValues(dataset.rows, frontmatter.campaigns, { stopwords });
    } catch {
      // The posts' thread reads this post again and reports it.
    }
  }
  return { digest: dataset.digest, entries: memoisedTerms(dataset.rows) };
}
