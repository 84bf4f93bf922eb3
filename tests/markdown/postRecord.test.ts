import { describe, expect, it } from 'vitest';
import { STOPWORDS } from '../../src/analysis/stopwords.ts';
import type { Value } from '../../src/analysis/value.ts';
import { PostRecorder, tableCsv } from '../../src/markdown/postRecord.ts';

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
    const recorder = new PostRecorder({ values, tables: new Map(), campaigns: [], postsAliases: [], stopwords: STOPWORDS });
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
