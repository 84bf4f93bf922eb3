/**
 * The keyness term counts the build's second thread counts (src/site/termsAhead.ts) are the ones the posts' own
 * analysis asks for: handed over (cloned, as between threads) to a copy of the posts, they are what analysePost
 * prints, and it counts nothing itself.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePost } from '../../src/analysis/analysePost.ts';
import { knownTerms } from '../../src/analysis/keyness.ts';
import type { TermCounts } from '../../src/analysis/termCounts.ts';
import { loadDataset } from '../../src/data/loadDataset.ts';
import type { Dataset, PostsDataset } from '../../src/data/types.ts';
import { postSource } from '../../src/markdown/postSource.ts';
import { validateFrontmatter } from '../../src/markdown/validateFrontmatter.ts';
import { countTermsAhead } from '../../src/site/termsAhead.ts';
import { fixtureProject } from '../markdown/fixture.ts';

const fail = (path: (string | number)[], message: string): never => {
  throw new Error(`${path.join('.')}: ${message}`);
};

describe('countTermsAhead(dataset, postsDir, root)', () => {
  it("counts each post's campaign terms under the keys the post's own analysis looks them up by", async () => {
    const root = fixtureProject('Red: :value[terms.red.top].');
    const tweets = (await loadDataset('tweets', { root, dataDir: join(root, 'data') })) as PostsDataset;
    const followers = await loadDataset('followers', { root, dataDir: join(root, 'data') });
    const ahead = structuredClone(countTermsAhead(tweets, join(root, 'content', 'posts'), root));
    expect(ahead.digest).toBe(tweets.digest);
    expect(ahead.entries.length).toBe(2);
    // Handed to the posts as another thread reads them, with a term the data does not have put first: the analysis
    // prints it, so it looked the counts up rather than count them.
    const marked = ahead.entries.map(([key, counts]): [string, TermCounts] => [
      key,
      { ...counts, terms: [{ key: 'handed', text: 'handed', count: 9 }, ...counts.terms] },
    ]);
    const rows = structuredClone(tweets.rows);
    knownTerms(rows, marked);
    const frontmatter = validateFrontmatter(postSource(readFileSync(join(root, 'content', 'posts', 'post.md'), 'utf8')), 'post.md');
    const datasets: Record<string, Dataset> = { tweets: { ...tweets, rows }, followers };
    const analysis = analysePost(frontmatter, datasets, fail);
    expect(analysis.values.get('terms.red.top')?.value).toMatch(/^handed\b/);
  });
});
