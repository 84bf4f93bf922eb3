import { describe, expect, it } from 'vitest';
import { postStopwords } from '../../src/analysis/analysePost.ts';
import { STOPWORD_LANGUAGES, STOPWORDS, stopwordLanguages, stopwordsFor } from '../../src/analysis/stopwords.ts';

const noFail = (path: (string | number)[], message: string): never => {
  throw new Error(`${path.join('.')}: ${message}`);
};

describe('STOPWORDS', () => {
  it('drops function words and social noise but keeps the content words stopwords-iso lists', () => {
    for (const w of ['the', 'and', "don't", 'rt', 'via', 'amp', 'https']) expect(STOPWORDS.has(w)).toBe(true);
    for (const w of ['members', 'general', 'serious', 'work', 'democracy', 'vote']) expect(STOPWORDS.has(w)).toBe(false);
  });
});

describe('stopwordsFor(languages)', () => {
  it("gives a language's stopwords-iso list, case-folded, with the social-media noise every platform has", () => {
    const polish = stopwordsFor(['pl']);
    for (const w of ['się', 'jest', 'nie', 'że', 'rt', 'via', 'https']) expect(polish.has(w), w).toBe(true);
    for (const w of ['członkowie', 'wybory', 'the']) expect(polish.has(w), w).toBe(false);
    const both = stopwordsFor(['fr', 'en']);
    for (const w of ['les', 'est', 'the', 'and']) expect(both.has(w), w).toBe(true);
    expect(both.has('militants')).toBe(false);
    // English keeps its content words (CONTENT_WORDS) whichever list it is read with.
    expect(both.has('members')).toBe(false);
    expect(stopwordsFor([]).has('rt')).toBe(true);
    expect(stopwordsFor([]).has('the')).toBe(false);
  });

  it('makes one set per list of languages, and says which languages a set is', () => {
    expect(stopwordsFor(['en'])).toBe(STOPWORDS);
    expect(stopwordsFor(['pl', 'en'])).toBe(stopwordsFor(['pl', 'en']));
    expect(stopwordLanguages(stopwordsFor(['pl', 'en']))).toBe('pl,en');
    expect(stopwordLanguages(new Set(['x']))).toBeUndefined();
    expect(STOPWORD_LANGUAGES).toContain('uk');
    expect(STOPWORD_LANGUAGES).not.toContain('cy');
  });
});

describe('postStopwords(frontmatter, fail)', () => {
  it("takes the post's stopwords lists, else its language's (the tag's language: pt for pt-BR), else English", () => {
    expect(postStopwords({ stopwords: ['fr', 'en'] }, noFail)).toBe(stopwordsFor(['fr', 'en']));
    expect(postStopwords({ language: 'pl' }, noFail)).toBe(stopwordsFor(['pl']));
    expect(postStopwords({ language: 'pt-BR' }, noFail)).toBe(stopwordsFor(['pt']));
    expect(postStopwords({}, noFail)).toBe(STOPWORDS);
    expect(postStopwords({ language: 'cy', stopwords: ['en'] }, noFail)).toBe(STOPWORDS);
    expect(postStopwords({ language: 'cy', stopwords: [] }, noFail)).toBe(stopwordsFor([]));
    // The site's language (content/site.yaml) when the post sets none.
    expect(postStopwords({}, noFail, 'pl-PL')).toBe(stopwordsFor(['pl']));
    expect(postStopwords({ language: 'fr' }, noFail, 'pl-PL')).toBe(stopwordsFor(['fr']));
    expect(() => postStopwords({}, noFail, 'cy')).toThrow(
      /^language: stopwords-iso has no stopword list for "cy" \(content\/site\.yaml's `language`, which the post does not set\)/,
    );
  });

  it('refuses, at `language`, a language stopwords-iso has no list for, saying how to choose', () => {
    expect(() => postStopwords({ language: 'cy' }, noFail)).toThrow(
      /^language: stopwords-iso has no stopword list for "cy", which this post's word clouds and keyness need: add `stopwords:` with the lists to leave out instead \(e\.g\. \[en\]; \[\] for none\)\. It has af, ar, /,
    );
  });
});
