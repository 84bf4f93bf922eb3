import { describe, expect, it } from 'vitest';
import { postSource } from '../../src/markdown/postSource.ts';
import { checkFrontmatter, validateFrontmatter } from '../../src/markdown/validateFrontmatter.ts';

const post = (frontmatter: string) => postSource(`---\n${frontmatter}---\n\nThe body.\n`);
const problems = (frontmatter: string) => {
  const checked = checkFrontmatter(post(frontmatter), 'content/posts/p.md');
  return 'problems' in checked ? checked.problems.map((p) => p.message.replace(/ Fix the frontmatter.*$/, '')) : [];
};

describe('checkFrontmatter', () => {
  it('accepts a complete frontmatter', () => {
    const frontmatter = validateFrontmatter(post('title: A\nauthor: B\ndate: 2016-09-19\nsummary: C\ndatasets:\n  t: tweets\n'), 'p.md');
    expect(frontmatter.datasets).toEqual({ t: 'tweets' });
  });

  it('says which keys are missing and which have a value of the wrong type, each at its line', () => {
    expect(problems('title: 3\ndate: 2016-09-19\nsummary: C\ndatasets: [tweets]\n')).toEqual([
      'content/posts/p.md:2:1: "title" must be text, not 3.',
      'content/posts/p.md:2:1: "author" is missing.',
      'content/posts/p.md:5:1: "datasets" must be a mapping (indented "key: value" lines), not a list.',
    ]);
  });
});
