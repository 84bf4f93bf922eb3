import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/analysis/value.ts';
import { PostRecorder, tableCsv } from '../../src/markdown/postRecord.ts';
import { downloadAllowed } from '../../src/site/datasetSummary.ts';
import { forgetRenderFailures, loggedEntry, recordRenderFailure, renderFailure } from '../../src/site/renderFailure.ts';
import { datasetUrl, MAX_SLUG, readingMinutes, slug, wordCount } from '../../src/site/text.ts';

describe('tableCsv(rows)', () => {
  it('quotes commas, quotes and line breaks, writes days as YYYY-MM-DD, keeps numbers unrounded, and defuses formulas', () => {
    const csv = tableCsv([
      { week: new Date('2016-07-04T00:00:00Z'), label: 'Smith, "Owen"', share: 0.20499413355098708, note: null },
      { week: new Date('2016-07-11T10:30:00Z'), label: '=HYPERLINK("x")', share: -1, note: 'two\nlines' },
    ]);
    expect(csv).toBe(
      'week,label,share,note\n2016-07-04,"Smith, ""Owen""",0.20499413355098708,\n2016-07-11T10:30:00.000Z,"\'=HYPERLINK(""x"")",-1,"two\nlines"\n',
    );
  });

  it('defuses formulas after leading spaces and in column names taken from the data', () => {
    expect(tableCsv([{ '@SUM(1+1)': ' =HYPERLINK("y")', plain: '  text' }])).toBe('\'@SUM(1+1),plain\n"\' =HYPERLINK(""y"")",  text\n');
    // A spreadsheet splitting on ";" or tabs (its locale's list separator) would start a cell there.
    expect(tableCsv([{ name: 'x;=HYPERLINK("http://evil.example")', tab: 'a\t @SUM(1)', fine: 'a;b' }])).toBe(
      'name,tab,fine\n"x;\'=HYPERLINK(""http://evil.example"")",a\t \'@SUM(1),a;b\n',
    );
    expect(tableCsv([{ note: 'x\n=cmd' }])).toBe('note\n"x\n\'=cmd"\n');
  });

  it('takes columns from every row, in order of first appearance', () => {
    expect(tableCsv([{ a: 1 }, { b: 2, a: 3 }])).toBe('a,b\n1,\n3,2\n');
  });
});

describe('PostRecorder: the inputs a value lists in the methods appendix', () => {
  it('lists the values it is computed from, and not a value whose key its definition merely mentions', () => {
    const values = new Map<string, Value>(
      [
        { key: 'votes', value: 313209, type: 'count', definition: 'The "votes" of the rows of dataset results where year = 2016.' },
        { key: 'total', value: 506438, type: 'count', definition: 'Sum of "votes" over all rows of dataset results.' },
        { key: 'share', value: 0.6184, type: 'share', definition: 'votes ÷ total.', inputs: ['votes', 'total'] },
      ].map((v) => [v.key, v as Value]),
    );
    const recorder = new PostRecorder({ values, tables: new Map(), campaigns: [], postsAliases: [] });
    recorder.value('share', undefined, undefined, '61.8%');
    recorder.value('total', undefined, undefined, '506,438');
    const record = recorder.finish({}, undefined);
    expect(record.values.map((v) => [v.key, v.inputs])).toEqual([
      [
        'share',
        [
          { key: 'votes', exact: '313209' },
          { key: 'total', exact: '506438' },
        ],
      ],
      // Its definition says "votes", a key of this post; it is not computed from that value.
      ['total', []],
    ]);
  });
});

describe('downloadAllowed(licence)', () => {
  it('allows open licences, including facts with a CC0 compilation, and refuses the rest', () => {
    for (const licence of [
      'CC0-1.0',
      'CC-BY-4.0',
      'CC BY-SA 4.0',
      'CC-BY-ND-4.0',
      'Open Government Licence v3.0',
      'OGL-UK-3.0',
      'Facts as published in the source; this compilation is CC0-1.0',
      'ODbL-1.0',
      'Public domain',
    ]) {
      expect(downloadAllowed(licence), licence).toBe(true);
    }
    for (const licence of [
      'All rights reserved',
      'Published toplines',
      'Twitter Developer Agreement',
      'proprietary',
      'CC BY-NC 4.0',
      'CC-BY-NC-SA-4.0',
      'CC BY-NC-ND 4.0',
    ]) {
      expect(downloadAllowed(licence), licence).toBe(false);
    }
  });
});

describe('site helpers', () => {
  it('slug(text) folds accents and punctuation', () => {
    expect(slug('Ed Gavaghan')).toBe('ed-gavaghan');
    expect(slug('Zoë Ångström-Øye')).toBe('zoe-angstrom-øye');
    expect(slug('labour-leadership')).toBe('labour-leadership');
    expect(slug('#KeepCorbyn!')).toBe('keepcorbyn');
  });

  it('slug(text) cuts a long name to a length a folder can have, and keeps two long names apart', () => {
    const a = slug(`${'Word'.repeat(75)} A`);
    const b = slug(`${'Word'.repeat(75)} B`);
    expect(a).toMatch(/^(word)+w?o?r?-[0-9a-f]{8}$/);
    expect(a.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(a).not.toBe(b);
    expect(slug('x'.repeat(MAX_SLUG))).toBe('x'.repeat(MAX_SLUG));
    // Characters outside the BMP take 4 bytes each: 80 of them would not fit a 255-byte folder name.
    const wide = slug('\u{20000}'.repeat(MAX_SLUG));
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(160);
    expect(wide).toMatch(/-[0-9a-f]{8}$/);
  });

  it('datasetUrl(id) keeps a folder name with "#", "?", "%", quotes or spaces one path segment', () => {
    expect(datasetUrl('labour-2016-tweets')).toBe('/data/labour-2016-tweets/');
    expect(datasetUrl('q#1?x=%41 "é"')).toBe('/data/q%231%3Fx=%2541%20%22%C3%A9%22/');
    // What a static host decodes is the folder name; ":" stays as it is (astro dev does not decode "%3A").
    expect(decodeURIComponent(datasetUrl('a:b <c>'))).toBe('/data/a:b <c>/');
  });

  it('wordCount(html) counts prose, not SVG, data tables or markup; readingMinutes is at least 1', () => {
    const html =
      '<p>One two <span class="value">79.4%</span> three.</p><figure><svg><text>axis label</text></svg><details><table><td>9</td></table></details></figure>';
    expect(wordCount(html)).toBe(4);
    expect(readingMinutes(4)).toBe(1);
    expect(readingMinutes(1150)).toBe(5);
  });
});

describe('renderFailure (astro dev)', () => {
  it('throws the recorded message for the post, located for the overlay, or says to look at the terminal', () => {
    const logged = 'Error rendering a.md: data/t/a.csv:2:2: "created_at" is empty. Fill it in.';
    expect(loggedEntry(logged)).toBe('a.md');
    recordRenderFailure('/site/content/posts/a.md', logged);
    const error = renderFailure('/site', 'content/posts/a.md');
    expect(error?.message).toBe('data/t/a.csv:2:2: "created_at" is empty. Fill it in.');
    expect(error?.loc).toEqual({ file: '/site/data/t/a.csv', line: 2, column: 2 });
    expect(error?.stack).toBe(`Soundings could not render this post: ${error?.message}`);
    // Once the post renders, its page (perhaps read from the store Astro is replacing) has no error to throw.
    forgetRenderFailures('/site', ['content/posts/a.md']);
    expect(renderFailure('/site', 'content/posts/a.md')).toBeUndefined();
    // A post with neither a failure nor a recovery recorded says where to look, rather than waiting for ever.
    expect(renderFailure('/site', 'content/posts/b.md')?.message).toBe(
      'content/posts/b.md did not render; the terminal running astro dev says why.',
    );
  });

  it("keeps a cell's [text](url) from becoming a link in the overlay, as the loader's messages do", () => {
    recordRenderFailure('/site/content/posts/c.md', 'data/t/a.csv:2:2: got "[the fix](javascript:alert(1))".');
    expect(renderFailure('/site', 'content/posts/c.md')?.message).toBe('data/t/a.csv:2:2: got "[the fix]\u2060(javascript:alert(1))".');
  });
});
