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

  it('reads "posts" as one alias or a list of them, and refuses anything else at the item or the key', () => {
    const head = 'title: A\nauthor: B\ndate: 2016-09-19\nsummary: C\ndatasets:\n  a: x\n  b: y\n';
    expect(validateFrontmatter(post(`${head}posts: a\n`), 'p.md').posts).toBe('a');
    expect(validateFrontmatter(post(`${head}posts: [a, b]\n`), 'p.md').posts).toEqual(['a', 'b']);
    expect(problems(`${head}posts: [a, 3]\n`)).toEqual(['content/posts/p.md:9:12: "posts.1" must be text, not 3.']);
    expect(problems(`${head}posts: { a: 1 }\n`)).toEqual([
      'content/posts/p.md:9:1: "posts" must be the alias of a posts dataset under "datasets", or a list of them, not {"a":1}.',
    ]);
  });

  it("gives every text a reader sees the body's typography, and leaves the author and tags as written", () => {
    const frontmatter = validateFrontmatter(
      post(
        [
          `title: Corbyn's "landslide"`,
          "author: Ann O'Neill",
          'date: 2016-09-19',
          "summary: Twitter's call -- and the result...",
          "tags: [Labour's leadership]",
          'campaigns:',
          `  - { id: a, label: "Mum's Army", hashtags: [A], color: "#b3202a" }`,
          'values:',
          `  v: { label: "Corbyn's 2015 result", ratio: [a, b] }`,
          'projection:',
          '  campaign: a',
          'tables:',
          `  t: { scorecard: [v], against: v, description: "Each method's error" }`,
          '',
        ].join('\n'),
      ),
      'p.md',
    );
    expect([frontmatter.title, frontmatter.summary, frontmatter.author, frontmatter.tags]).toEqual([
      'Corbyn’s “landslide”',
      'Twitter’s call — and the result…',
      "Ann O'Neill",
      ["Labour's leadership"],
    ]);
    expect(frontmatter.campaigns[0]?.label).toBe('Mum’s Army');
    expect(frontmatter.values.v?.label).toBe('Corbyn’s 2015 result');
    expect(frontmatter.projection?.label).toBe('Share of voice');
    expect(frontmatter.tables.t?.description).toBe('Each method’s error');
  });

  it('says which keys are missing and which have a value of the wrong type, each at its line', () => {
    expect(problems('title: 3\ndate: 2016-09-19\nsummary: C\ndatasets: [tweets]\n')).toEqual([
      'content/posts/p.md:2:1: "title" must be text, not 3.',
      'content/posts/p.md:2:1: "author" is missing.',
      'content/posts/p.md:5:1: "datasets" must be a mapping (indented "key: value" lines), not a list.',
    ]);
  });
});

describe("the post's language and stopwords", () => {
  it('suggest the code of a language written by its name, and a tag written with "_"', () => {
    const fm = (line: string) => problems(`title: A\nauthor: B\ndate: 2016-09-19\nsummary: C\n${line}\n`);
    expect(fm('stopwords: [pl, polish]')).toEqual([
      'content/posts/p.md:6:17: "stopwords.1" must be a stopwords-iso language code, not "polish". Did you mean "pl" (Polish)?',
    ]);
    expect(fm('language: Portuguese')).toEqual([
      'content/posts/p.md:6:1: "language" must be a language tag such as "en", "pl" or "pt-BR", not "Portuguese". Did you mean "pt" (Portuguese)?',
    ]);
    expect(fm('language: pt_BR')).toEqual([
      'content/posts/p.md:6:1: "language" must be a language tag such as "en", "pl" or "pt-BR", not "pt_BR". Did you mean "pt-BR"?',
    ]);
  });
});

describe('a text a hashtag cut short', () => {
  it('is refused at the "#", where YAML would publish the summary cut short without a word', () => {
    expect(problems('title: A\nauthor: B\ndate: 2016-09-19\nsummary: Porównujemy wpisy z hasztagami #StrajkKobiet i #WolneSądy\n')).toEqual(
      [
        'content/posts/p.md:5:41: "summary" stops at "Porównujemy wpisy z hasztagami": YAML reads "#StrajkKobiet i #WolneSądy" as a comment, since "#" after a space starts one. Put the whole text in quotes to keep it; a comment has a space after its "#".',
      ],
    );
  });
});

describe('directional formatting characters in prose', () => {
  const fm = (lines: string) => problems(`title: A\ndate: 2016-09-19\nsummary: C\n${lines}`);

  it('are refused in the author, tags, title, summary and labels, at their line, as site.yaml refuses them', () => {
    expect(fm('author: "<b>Eve</b> \\u202eO\'Brien"\ntags: [Polls, "\\u202erev"]\n')).toEqual([
      'content/posts/p.md:5:1: "author" must not hold the invisible control character U+202E (after "<b>Eve</b> "), which would reorder or hide the text after it wherever it is shown: delete it (retype the text around it).',
      'content/posts/p.md:6:15: "tags.1" must not hold the invisible control character U+202E (at its start), which would reorder or hide the text after it wherever it is shown: delete it (retype the text around it).',
    ]);
    // Embeddings, overrides and isolates alike, in every text a reader sees.
    const texts = [
      'author: "B\\u2067x"',
      'author: B\ncampaigns:\n  - { id: red, label: "Red\\u202a", hashtags: [Red], color: "#b3202a" }',
      'author: B\nvalues:\n  n: { count: t, label: "n\\u2069" }',
      'author: B\ntables:\n  t: { from: x, description: "\\u202dT" }',
      'author: B\nprojection: { campaign: red, label: "\\u2066P" }',
    ];
    for (const text of texts)
      expect(fm(`${text}\n`)).toEqual([expect.stringContaining('must not hold the invisible control character U+')]);
    expect(problems('title: "T\\u202b"\nauthor: B\ndate: 2016-09-19\nsummary: "S\\u202c"\n')).toEqual([
      expect.stringMatching(/^content\/posts\/p\.md:2:1: "title" must not hold the invisible control character U\+202B/),
      expect.stringMatching(/^content\/posts\/p\.md:5:1: "summary" must not hold the invisible control character U\+202C/),
    ]);
  });

  it('leave a right-to-left name alone, and the marks a writer of one may type (LRM, RLM)', () => {
    expect(fm('author: عمر الخيام\ntags: [בחירות, "Polls\\u200f"]\n')).toEqual([]);
  });
});

describe('the publication date', () => {
  const dated = (date: string) => validateFrontmatter(post(`title: A\nauthor: B\n${date}summary: C\n`), 'p.md').date.toISOString();

  it('is a day written YYYY-MM-DD, quoted or not, at midnight UTC in every timezone', () => {
    expect(dated('date: 2016-09-26\n')).toBe('2016-09-26T00:00:00.000Z');
    expect(dated('date: "2016-09-26"\n')).toBe('2016-09-26T00:00:00.000Z');
    expect(dated('date: 2016-09-26T18:30:00Z\n')).toBe('2016-09-26T18:30:00.000Z');
  });

  it('refuses what new Date() would read by the machine’s timezone or as milliseconds, and says when it is missing', () => {
    expect(problems('title: A\nauthor: B\ndate: Sep 26 2016\nsummary: C\n')).toEqual([
      'content/posts/p.md:4:1: "date" must be a date written YYYY-MM-DD, not "Sep 26 2016".',
    ]);
    expect(problems('title: A\nauthor: B\ndate: 2016\nsummary: C\n')).toEqual([
      'content/posts/p.md:4:1: "date" must be a date written YYYY-MM-DD, not 2016.',
    ]);
    expect(problems('title: A\nauthor: B\ndate: "2016-02-30"\nsummary: C\n')).toEqual([
      'content/posts/p.md:4:1: "date" must be a day that exists in the calendar, not 2016-02-30.',
    ]);
    expect(problems('title: A\nauthor: B\nsummary: C\n')).toEqual(['content/posts/p.md:2:1: "date" is missing.']);
    // YAML itself would read an unquoted 2016-02-30 as 1 March.
    expect(problems('title: A\nauthor: B\ndate: 2016-02-30\nsummary: C\n')).toEqual([
      'content/posts/p.md:4:1: "date" must be a day that exists in the calendar, not 2016-02-30.',
    ]);
    expect(problems('title: A\nauthor: B\ndate:\nsummary: C\n')[0]).toMatch(/^content\/posts\/p\.md:4:\d+: "date" is empty\./);
    expect(problems('title: A\nauthor: B\ndate: 2016-06-23\nsummary: C\ntags: [brexit, 2016-06-23]\n')).toEqual([
      'content/posts/p.md:6:16: "tags.1" must be text, not a date (YAML reads an unquoted YYYY-MM-DD as one: quote it).',
    ]);
  });
});

describe('campaign hashtags', () => {
  it('are kept without their "#", whether or not the post wrote one', () => {
    const frontmatter = validateFrontmatter(
      post(
        'title: A\nauthor: B\ndate: 2016-09-26\nsummary: C\ncampaigns:\n  - id: lib\n    label: Library\n    hashtags: ["#SaveTheLibrary", SaveOurLibrary]\n    color: "#b3202a"\n',
      ),
      'p.md',
    );
    expect(frontmatter.campaigns[0]?.hashtags).toEqual(['SaveTheLibrary', 'SaveOurLibrary']);
    expect(
      problems(
        'title: A\nauthor: B\ndate: 2016-09-26\nsummary: C\ncampaigns:\n  - id: lib\n    label: L\n    hashtags: ["#"]\n    color: "#b3202a"\n',
      ),
    ).toEqual(['content/posts/p.md:9:16: "campaigns.0.hashtags.0" must name a hashtag.']);
  });
});

describe('campaigns', () => {
  const campaigns = (list: string) => `title: A\nauthor: B\ndate: 2016-09-26\nsummary: C\ncampaigns:\n${list}`;
  const campaign = (id: string, tags: string) => `  - id: ${id}\n    label: L\n    hashtags: [${tags}]\n    color: "#b3202a"\n`;

  it('refuse a hashtag with a space or a pasted invisible character, which no post carries, at the tag', () => {
    expect(
      problems(campaigns(campaign('a', '"Keep Red", "Keep\u200bRed", "Keep-Red", "#España", "JC4PM", "2016", "می\u200cخواهم"'))),
    ).toEqual([
      'content/posts/p.md:9:16: "campaigns.0.hashtags.0" must be one hashtag: "#Keep Red" holds a space, which no post\'s hashtag can, so it would never match.',
      'content/posts/p.md:9:28: "campaigns.0.hashtags.1" must be one hashtag: "#Keep\\u200bRed" holds an invisible character (\\u200b), which no post\'s hashtag can, so it would never match.',
    ]);
  });

  it('refuse an id used twice, at the second', () => {
    expect(problems(campaigns(campaign('red', 'Red') + campaign('blue', 'Blue') + campaign('red', 'Rouge')))).toEqual([
      'content/posts/p.md:15:5: "campaigns.2.id" must differ from every other campaign\'s: "red" is also "campaigns.0.id".',
    ]);
  });
});

describe('a value that is none of the shapes a value can take', () => {
  it('says what is wrong with the shape it comes closest to, at that key, not "Invalid input"', () => {
    expect(
      problems(
        'title: A\nauthor: B\ndate: 2016-09-26\nsummary: C\nvalues:\n  r:\n    ratio: [a]\n  s:\n    ratio: [a, b, c]\n  t:\n    sum: x\n  u:\n    pick: x\n    column: y\n    wher: {a: 1}\n  x: { sum: t, colum: size }\n',
      ),
    ).toEqual([
      'content/posts/p.md:8:5: "values.r.ratio" must list at least 2 items, not 1.',
      'content/posts/p.md:10:5: "values.s.ratio" must list at most 2 items, not 3.',
      'content/posts/p.md:11:3: "values.t.column" is missing.',
      'content/posts/p.md:16:5: "values.u" has unknown key "wher". Did you mean "where"?',
      // A misspelt key, at itself, not as the key it should have been, missing, at the value's first line.
      'content/posts/p.md:17:16: "values.x" has unknown key "colum". Did you mean "column"?',
    ]);
  });
});

describe('an unknown key', () => {
  it('is pointed at, with the known keys closest to it, at the top and inside a campaign', () => {
    expect(
      problems(
        'title: A\nauthor: B\ndate: 2016-09-26\nsumary: C\ncampaigns:\n  - id: a\n    label: L\n    hashtags: [A]\n    colour: "#b3202a"\n',
      ),
    ).toEqual([
      'content/posts/p.md:2:1: "summary" is missing.',
      'content/posts/p.md:7:5: "campaigns.0.color" is missing.',
      'content/posts/p.md:10:5: "campaigns.0" has unknown key "colour". Did you mean "color"?',
      'content/posts/p.md:5:1: It has unknown key "sumary". Did you mean "summary"?',
    ]);
  });
});

describe('a YAML value that reads as nothing', () => {
  it('says the "#" began a comment', () => {
    expect(
      problems(
        'title: A\nauthor: B\ndate: 2016-09-26\nsummary: C\ncampaigns:\n  - id: lib\n    label: L\n    hashtags:\n      - #SaveTheLibrary\n    color: "#b3202a"\n',
      ),
    ).toEqual([
      'content/posts/p.md:10:9: "campaigns.0.hashtags.0" is empty. In YAML, a blank value or one starting with "#" (a comment) reads as nothing: fill it in, or quote it ("#KeepCorbyn").',
    ]);
  });
});
