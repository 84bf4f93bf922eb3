import { describe, expect, it } from 'vitest';
import { cutByHashtagMessage, yamlSource } from '../../src/data/yamlLocation.ts';

describe('yamlSource(text).cutByHashtag', () => {
  it('finds an unquoted text a hashtag cut short, at the "#", and not a comment or a quoted text', () => {
    const text = [
      'title: A post',
      'summary: Posts with #KeepCorbyn and #SavingLabour in 2016.',
      'color: "#b3202a"',
      "label: '#KeepCorbyn'",
      'note: fine # a comment',
      '# a line of comment',
      'tags:',
      '  - one #two',
      'hashtags: [KeepCorbyn]',
    ].join('\n');
    const cut = yamlSource(text, 1).cutByHashtag;
    expect(cut.map((c) => [c.line, c.column, c.key, c.kept])).toEqual([
      [3, 21, '"summary"', 'Posts with'],
      [9, 9, 'A list item', 'one'],
    ]);
    expect(cutByHashtagMessage(cut[0] as (typeof cut)[number])).toBe(
      '"summary" stops at "Posts with": YAML reads "#KeepCorbyn and #SavingLabour in 2016." as a comment, since "#" after a space starts one. Put the whole text in quotes to keep it ("Posts with #KeepCorbyn and #SavingLabour in 2016."); a comment has a space after its "#".',
    );
  });
});
