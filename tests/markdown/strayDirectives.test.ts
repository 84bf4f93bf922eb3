import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { strayDirectives } from '../../src/markdown/strayDirectives.ts';
import { fixtureProject } from './fixture.ts';
import { renderError, renderPost } from './render.ts';

const strays = (body: string) => strayDirectives(unified().use(remarkParse).use(remarkDirective).parse(body), body);

describe('strayDirectives', () => {
  it('finds each way a directive line fails to parse, at the character that breaks it', () => {
    const body = [
      '::chart[Weekly]{data=weekly spec=weekly-volume description="Posts a week"',
      '',
      '::wordcloud[Words]{campaign=red words="40 shape=bubble}',
      '',
      '::table[Polls] {data=polls}',
      '',
      '::table[Polls]{data=polls where="pollster=Ellis \\"Civic\\" Polls"}',
      '',
      '::chart[T]{data=weekly description=“Two words”}',
      '',
      '::chart[T]{data=weekly} and more',
      '',
      '::chart [T]{data=weekly}',
      '',
      '::chart[T{data=weekly}',
    ].join('\n');
    expect(strays(body)).toEqual([
      { line: 1, column: 16, written: '::chart', reason: 'the attributes\' "{" is never closed with "}"' },
      { line: 3, column: 39, written: '::wordcloud', reason: 'the " opened here is never closed' },
      {
        line: 5,
        column: 15,
        written: '::table',
        reason: 'there is a space between "]" and "{": the attributes follow the label directly',
      },
      {
        line: 7,
        column: 49,
        written: '::table',
        reason: `a backslash does not escape a quote in an attribute's value: a value holding " is written in the other quotes (description='the "new" poll')`,
      },
      {
        line: 9,
        column: 36,
        written: '::chart',
        reason: `“ does not quote a value: attribute values are quoted with straight quotes (" or ')`,
      },
      { line: 11, column: 24, written: '::chart', reason: 'there is text after the attributes\' "}": a directive is alone on its line' },
      {
        line: 13,
        column: 8,
        written: '::chart',
        reason: 'there is a space after the name: the label "[…]" and the attributes "{…}" follow it directly',
      },
      { line: 15, column: 8, written: '::chart', reason: 'the label\'s "[" is never closed with "]"' },
    ]);
  });

  it('finds inline attributes left unread after a directive', () => {
    expect(strays('Share :value[campaigns.red.share]{format=percent and more.')).toEqual([
      { line: 1, column: 34, written: ':value', reason: 'the attributes\' "{" is never closed with "}"' },
    ]);
  });

  it('leaves directives that parse, code, raw HTML and ordinary colons alone', () => {
    const body = [
      'At 10:30, note:this and :value[a]{format=percent}.',
      'A paragraph line',
      '::chart[T]{data=weekly description="a \'quoted\' word"}',
      '',
      '```',
      '::chart[T{',
      '```',
      '',
      '    ::chart[indented code',
      '',
      '<div>',
      '::chart[html',
      '</div>',
      '',
      ':::note',
      'inside',
      ':::',
    ].join('\n');
    expect(strays(body)).toEqual([]);
  });
});

describe('a directive that does not parse, in a post', () => {
  it('fails the post at its line and column rather than printing it as text', async () => {
    const root = fixtureProject('::table[Weekly] {data=weekly}\n\nShare :value[campaigns.red.share]{format=percent here.');
    expect((await renderError(root, 'content/posts/post.md')).split('\n')).toEqual([
      'content/posts/post.md:23:16: This "::table" is not read as a directive, so the page would print it as text: there is a space between "]" and "{": the attributes follow the label directly. A directive is written ::name[label]{key=value key="two words"} alone on its line, or :name[label]{…} in a sentence; write the colons as "\\:" if they are meant as text.',
      'content/posts/post.md:25:34: This ":value" is not read as a directive, so the page would print it as text: the attributes\' "{" is never closed with "}". A directive is written ::name[label]{key=value key="two words"} alone on its line, or :name[label]{…} in a sentence; write the colons as "\\:" if they are meant as text.',
    ]);
  });

  it('fails on a misspelt inline directive, naming the closest; bare colons in prose stay text', async () => {
    const root = fixtureProject('We counted :vlaue[campaigns.red.posts] posts.');
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:23:12: There is no directive ":vlaue". Known directives: "value". Did you mean "value"? Fix the name, or write the colons as "\\:" if they are meant as text.',
    );
    const prose = fixtureProject('At 10:30, note:this: :value[campaigns.red.posts] posts.');
    expect(await renderPost(prose, 'content/posts/post.md')).toMatch(/<p>At 10:30, note:this: <a [^>]*><span class="value"/);
  });
});
