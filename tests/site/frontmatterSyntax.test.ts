import { pathToFileURL } from 'node:url';
import type { ContentEntryType } from 'astro';
import { describe, expect, it } from 'vitest';
import { readableFrontmatter } from '../../src/site/frontmatterSyntax.ts';

// Astro's Markdown entry type throws on YAML it cannot parse (vite-plugin-markdown/content-entry-type.js).
const astroMarkdown: ContentEntryType = {
  extensions: ['.md'],
  getEntryInfo() {
    throw new Error('bad indentation of a mapping entry');
  },
};

describe('readableFrontmatter(entryTypes)', () => {
  const md = readableFrontmatter(new Map([['.md', astroMarkdown]])).get('.md');
  const fileUrl = pathToFileURL('/site/content/posts/a.md');

  it("hands a post whose frontmatter is not YAML on with no data, for Soundings' checks to locate", async () => {
    const contents = '---\ntitle: "A post\ndate: 2016-09-18\n---\n\nBody.\n';
    expect(await md?.getEntryInfo({ contents, fileUrl })).toEqual({ data: {}, body: 'Body.', slug: '', rawData: '' });
  });

  it("throws Astro's error for anything else", async () => {
    await expect(async () => md?.getEntryInfo({ contents: '---\ntitle: A\n---\n', fileUrl })).rejects.toThrow('bad indentation');
  });
});
