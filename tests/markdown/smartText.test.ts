import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { smartText } from '../../src/markdown/smartText.ts';

/** The text of a one-paragraph Markdown body as Astro's Markdown sets it (remark-smartypants, default options). */
function asBody(markdown: string): string {
  const processor = unified().use(remarkParse).use(remarkSmartypants);
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const paragraph = tree.children[0];
  return paragraph?.type === 'paragraph' ? paragraph.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
}

describe('smartText(text)', () => {
  it('gives a title or summary the typography the body gets: curly quotes and apostrophes, dashes, ellipses', () => {
    expect(smartText("Twitter's share of voice")).toBe('Twitter’s share of voice');
    expect(smartText('"Clicktivism" and \'the Corbyn surge\'')).toBe('“Clicktivism” and ‘the Corbyn surge’');
    expect(smartText('Wait... the result -- at last')).toBe('Wait… the result — at last');
    for (const text of ['Twitter\'s share of voice pointed to a "landslide"...', "Rock 'n' roll -- and the '90s", 'Plain text, no quotes'])
      expect(smartText(text)).toBe(asBody(text));
  });

  it('reads nothing as Markdown: emphasis, links and code marks stay as written', () => {
    expect(smartText("It's *not* _emphasis_, [a](link) or `code`")).toBe('It’s *not* _emphasis_, [a](link) or `code`');
  });
});
