import { describe, expect, it } from 'vitest';
import { dataTable } from '../../src/render/dataTable.ts';

describe('dataTable(rows, options)', () => {
  it("writes a header of column headers, numbers' right-aligned as their cells, and one row per record", () => {
    const html = dataTable([
      { campaign: '#KeepCorbyn', posts: 62259 },
      { campaign: '#SaveLabour', posts: 16074 },
    ]);
    expect(html).toBe(
      '<div class="table-scroll"><table><thead><tr><th scope="col">Campaign</th><th scope="col" class="num">Posts</th></tr></thead><tbody>' +
        '<tr><td>#KeepCorbyn</td><td class="num">62,259</td></tr>' +
        '<tr><td>#SaveLabour</td><td class="num">16,074</td></tr>' +
        '</tbody></table></div>',
    );
  });

  it('heads a column nothing titles with its name as words, one given a header with that, data text isolated', () => {
    const rows = [{ Valid_Votes: 30, keepcorbyn_share: 0.5, 'x\u202e<b>': 'y' }];
    expect(dataTable(rows, { headers: { keepcorbyn_share: '#KeepCorbyn’s share' } })).toContain(
      '<thead><tr><th scope="col" class="num">Valid votes</th><th scope="col" class="num">#KeepCorbyn’s share</th>' +
        '<th scope="col"><bdi>X\u202e&lt;b&gt;</bdi></th></tr></thead>',
    );
  });

  it('formats whole numbers as thousands, others as number, with per-column overrides', () => {
    const html = dataTable([{ posts: 1234567, ratio: 1.23456, share: 0.794 }], { formats: { share: 'percent' } });
    expect(html).toContain('<td class="num">1,234,567</td>');
    expect(html).toContain('<td class="num">1.23456</td>');
    expect(html).toContain('<td class="num">79.4%</td>');
  });

  it('prints a column of years by its name without a thousands separator, unless a format says otherwise', () => {
    const rows = [{ year: 2016, election_year: 2015, electionYear: 2020, years: 2016, votes: 2016 }];
    expect(dataTable(rows)).toContain(
      '<td class="num">2016</td><td class="num">2015</td><td class="num">2020</td><td class="num">2,016</td><td class="num">2,016</td>',
    );
    expect(dataTable(rows, { columns: ['year'], formats: { year: 'thousands' } })).toContain('<td class="num">2,016</td>');
  });

  it('accepts d3-format specifiers as column formats', () => {
    expect(dataTable([{ x: 0.5 }], { formats: { x: '.2f' } })).toContain('<td class="num">0.50</td>');
  });

  it('shows dates as YYYY-MM-DD in UTC, or long with the date format, marked as dates, which a stylesheet keeps on one line', () => {
    const week = new Date('2016-07-04T00:00:00Z');
    expect(dataTable([{ week }])).toContain('<td class="date">2016-07-04</td>');
    expect(dataTable([{ at: new Date('2016-07-04T23:30:00Z') }])).toContain('<td class="date">2016-07-04</td>');
    expect(dataTable([{ week }], { formats: { week: 'date' } })).toContain('<td class="date">4 July 2016</td>');
  });

  it('marks a text that is an ISO date, month or time as a date too, and no other text', () => {
    const html = dataTable([
      {
        day: '2016-07-04',
        month: '2016-07',
        at: '2016-07-04T12:30:00Z',
        local: '2016-07-04 12:30:00+01:00',
        file: 'tweets-2016-07.csv',
        span: '2016-07-04 to 2016-07-10',
        year: '2016',
      },
    ]);
    expect(html).toContain(
      '<td class="date">2016-07-04</td><td class="date">2016-07</td><td class="date">2016-07-04T12:30:00Z</td><td class="date">2016-07-04 12:30:00+01:00</td>',
    );
    expect(html).toContain('<td>tweets-2016-07.csv</td><td>2016-07-04 to 2016-07-10</td><td>2016</td>');
  });

  it('shows null, NaN and invalid dates as an em dash', () => {
    const html = dataTable([{ a: null, b: Number.NaN, c: new Date('nonsense'), d: false }]);
    expect(html).toContain('<tr><td>—</td><td class="num">—</td><td>—</td><td>false</td></tr>');
  });

  it('marks a text cell holding a word of 25 characters or more, which a stylesheet lets break', () => {
    const long = `@${'x'.repeat(23)}y`;
    const html = dataTable([{ name: long, other: `a ${'x'.repeat(23)} b`, n: 1e25 }]);
    expect(html).toContain(`<td class="long-word">${long}</td>`);
    expect(html).toContain(`<td>a ${'x'.repeat(23)} b</td>`);
    expect(html).toContain('<td class="num">');
    expect(dataTable([{ name: '<'.repeat(25) }])).toContain(`<td class="long-word">${'&lt;'.repeat(25)}</td>`);
  });

  it('escapes hostile cells, column names and the caption', () => {
    const html = dataTable([{ '<b>name</b>': '<img src=x onerror=alert(1)>' }], { caption: 'Tom & "Jerry"' });
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('<th scope="col">&lt;b&gt;name&lt;/b&gt;</th>');
    expect(html).toContain('<caption>Tom &amp; &quot;Jerry&quot;</caption>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('isolates a text cell holding a directional override in <bdi>, as the page isolates a name, and leaves others as they are', () => {
    const html = dataTable([
      { campaign: '#DredgeNow \u202Ereversed <b>', posts: 24 },
      { campaign: '#CleanHarbour', posts: 43 },
    ]);
    expect(html).toContain('<tr><td><bdi>#DredgeNow \u202Ereversed &lt;b&gt;</bdi></td><td class="num">24</td></tr>');
    expect(html).toContain('<tr><td>#CleanHarbour</td><td class="num">43</td></tr>');
  });

  it('uses the given columns, in the given order, and the first row’s keys otherwise', () => {
    const rows = [
      { a: 1, b: 2, c: 3 },
      { a: 4, b: 5, c: 6, d: 7 },
    ];
    expect(dataTable(rows, { columns: ['c', 'a'] })).toContain(
      '<thead><tr><th scope="col" class="num">C</th><th scope="col" class="num">A</th></tr></thead><tbody><tr><td class="num">3</td><td class="num">1</td></tr>',
    );
    expect(dataTable(rows)).not.toContain('>D<');
    // A column of numbers with an empty cell is still a column of numbers.
    expect(dataTable(rows, { columns: ['d'] })).toContain(
      '<th scope="col" class="num">D</th></tr></thead><tbody><tr><td>—</td></tr><tr><td class="num">7</td></tr>',
    );
  });

  it('writes an empty table for no rows', () => {
    expect(dataTable([])).toBe('<div class="table-scroll"><table><thead><tr></tr></thead><tbody></tbody></table></div>');
  });

  it('frames the table in a region a keyboard can scroll, named by the caption or the label given, escaped', () => {
    expect(dataTable([{ a: 1 }], { caption: 'Posts a week' })).toMatch(
      /^<div class="table-scroll" role="region" aria-label="Posts a week" tabindex="0"><table><caption>Posts a week<\/caption>/,
    );
    const named = dataTable([{ a: 1 }], { captionHtml: '<bdi>#Red</bdi>: terms', label: '\u2068#Red "<b>"\u2069: terms' });
    expect(named).toMatch(
      /^<div class="table-scroll" role="region" aria-label="\u2068#Red &quot;&lt;b&gt;&quot;\u2069: terms" tabindex="0">/,
    );
    expect(named).toContain('<caption><bdi>#Red</bdi>: terms</caption>');
  });
});
