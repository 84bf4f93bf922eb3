import { describe, expect, it } from 'vitest';
import { cutByHashtagMessage, yamlSource } from '../../src/data/yamlLocation.ts';

const cuts = (text: string) => yamlSource(text, 1).cutByHashtag.map((c) => [c.line, c.column, c.key, c.kept, c.rest]);

describe('yamlSource(text).cutByHashtag', () => {
  it('finds a prose text a hashtag cut short, at the "#", and not a comment, a quoted text or a value that is no prose', () => {
    const text = [
      'title: A post',
      'summary: Posts with #KeepCorbyn and #SavingLabour in 2016.',
      'color: "#b3202a"',
      "label: '#KeepCorbyn'",
      'author: Ann # the lead',
      '# a line of comment',
      'tags:',
      '  - Labour #Leadership',
      'language: pl #Polish',
      'columns: {side: string #Left/Right}',
      'hashtags: [KeepCorbyn]',
    ].join('\n');
    expect(cuts(text)).toEqual([
      [3, 21, '"summary"', 'Posts with', '#KeepCorbyn and #SavingLabour in 2016.'],
      [9, 12, 'An item of "tags"', 'Labour', '#Leadership'],
    ]);
    expect(cutByHashtagMessage(yamlSource(text).cutByHashtag[0] as ReturnType<typeof yamlSource>['cutByHashtag'][number])).toBe(
      '"summary" stops at "Posts with": YAML reads "#KeepCorbyn and #SavingLabour in 2016." as a comment, since "#" after a space starts one. Put the whole text in quotes to keep it; a comment has a space after its "#".',
    );
  });

  it('shows a long kept text by its end, where it stops, and what YAML dropped in whole words', () => {
    const kept = 'We compared the two campaigns over eleven weeks of the summer with';
    const rest = '#KeepCorbyn and #SavingLabour, counting every post, repost and reply that used either hashtag in the period';
    const [cut] = yamlSource(`summary: ${kept} ${rest}`).cutByHashtag;
    expect(cutByHashtagMessage(cut as ReturnType<typeof yamlSource>['cutByHashtag'][number])).toMatch(
      /^"summary" stops at "…over eleven weeks of the summer with": YAML reads "#KeepCorbyn and #SavingLabour, counting every post, repost and reply that used either hashtag in…" as a comment/,
    );
  });

  it('finds a hashtag that opens a continuation line of the text, and not a comment line at the next key', () => {
    const text = [
      'summary: Porównujemy wpisy z hasztagami',
      '  #StrajkKobiet i #WolneSądy',
      'title: T',
      '#draft: true',
      'tags:',
      '  - one',
      '    #two',
    ].join('\n');
    expect(cuts(text)).toEqual([
      [3, 3, '"summary"', 'Porównujemy wpisy z hasztagami', '#StrajkKobiet i #WolneSądy'],
      [8, 5, 'An item of "tags"', 'one', '#two'],
    ]);
  });
});
