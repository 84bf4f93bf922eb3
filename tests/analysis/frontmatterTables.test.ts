import { describe, expect, it } from 'vitest';
import { analysePost } from '../../src/analysis/analysePost.ts';
import type { Dataset, Row } from '../../src/data/types.ts';
import { type FrontmatterInput, frontmatterSchema } from '../../src/markdown/frontmatter.ts';

/** A table dataset with the given rows (only what analysePost reads). */
const tableDataset = (id: string, rows: Row[]) => ({ id, kind: 'table', rows }) as unknown as Dataset;

/** Four areas in two regions, hand-computed: North 30/50 = 60% Leave, South 15/50 = 30%. */
const areas = tableDataset('areas-2016', [
  { Region: 'North', Area: 'N1', Leave: 20, Valid: 30 },
  { Region: 'South', Area: 'S1', Leave: 4, Valid: 20 },
  { Region: 'North', Area: 'N2', Leave: 10, Valid: 20 },
  { Region: 'South', Area: 'S2', Leave: 11, Valid: 30 },
]);

const fail = (path: (string | number)[], message: string): never => {
  throw new Error(`${path.join('.')}: ${message}`);
};

function analyse(extra: Partial<FrontmatterInput>, datasets: Record<string, Dataset> = { eu: areas }) {
  const frontmatter = frontmatterSchema.parse({ title: 'T', date: '2016-06-27', author: 'A', summary: 'S', ...extra });
  return analysePost(frontmatter, datasets, fail);
}

describe('analysePost: tables under `tables`', () => {
  it('counts rows per group, or in all, beside the sums, and says so in the definition', () => {
    const { tables } = analyse({
      tables: {
        byRegion: { from: 'eu', groupBy: 'Region', sum: ['Leave'], count: 'areas' },
        all: { from: 'eu', where: { Region: 'North' }, count: 'areas' },
      },
    });
    expect(tables.get('byRegion')?.rows).toEqual([
      { Region: 'North', areas: 2, Leave: 30 },
      { Region: 'South', areas: 2, Leave: 15 },
    ]);
    expect(tables.get('byRegion')?.formats.areas).toBe('thousands');
    expect(tables.get('byRegion')?.definition).toContain(
      'grouped by Region, with Leave summed over each group’s rows, with the number of rows in areas',
    );
    expect(tables.get('all')?.rows).toEqual([{ areas: 2 }]);
    // A count is a number of rows, whatever format a source column of its name had.
    const { tables: t2 } = analyse({
      tables: { c: { from: 'eu', formats: { Leave: 'percent' } }, n: { from: 'c', groupBy: 'Region', count: 'Leave' } },
    });
    expect(t2.get('n')?.formats.Leave).toBe('thousands');
  });

  it("carries readers' headers: a kept column's from its source, a renamed one's source name as words, the definition's over both", () => {
    const { tables } = analyse({
      tables: {
        card: { from: 'eu', groupBy: 'Region', sum: ['Leave', 'Valid'], headers: { Valid: 'Valid votes', Leave: "Leave's votes" } },
        kept: { from: 'card', sort: '-Leave' },
        // Counted or derived anew under a headed column's name: not the votes any more, so not their header.
        anew: { from: 'card', groupBy: 'Region', sum: ['Valid'], count: 'Leave', derive: { Valid: 'Valid * 2' } },
        renamed: {
          from: 'card',
          derive: { leave_share: 'Leave / Valid' },
          select: { label: 'Region', share: 'leave_share', votes: 'Valid' },
        },
        // One column selected twice: each copy headed by its own name, not both alike.
        twice: { from: 'card', select: { a: 'Valid', b: 'Valid' } },
        titled: { from: 'card', select: { label: 'Region', Valid: 'Valid' }, headers: { label: 'Counting region' } },
      },
    });
    const headers = (name: string) => tables.get(name)?.headers;
    // Prose, with the body's typography, as a label is.
    expect(headers('card')).toEqual({ Valid: 'Valid votes', Leave: 'Leave’s votes' });
    expect(headers('kept')).toEqual({ Valid: 'Valid votes', Leave: 'Leave’s votes' });
    expect(headers('anew')).toBeUndefined();
    expect(headers('renamed')).toEqual({ label: 'Region', share: 'Leave share', votes: 'Valid votes' });
    expect(headers('twice')).toBeUndefined();
    expect(headers('titled')).toEqual({ label: 'Counting region', Valid: 'Valid votes' });
    expect(() => analyse({ tables: { t: { from: 'eu', headers: { Turnout: 'Turnout' } } } })).toThrow(
      'tables.t.headers.Turnout: reads column "Turnout", which the table does not have (it has "Region", "Area", "Leave", "Valid").',
    );
  });

  it('groups, sums, derives a share, sorts and renames (North 60%, South 30%)', () => {
    const { tables } = analyse({
      tables: {
        regions: {
          from: 'eu',
          groupBy: 'Region',
          sum: ['Leave', 'Valid'],
          derive: { leaveShare: 'Leave / Valid' },
          sort: 'leaveShare',
          select: { label: 'Region', share: 'leaveShare' },
          formats: { share: 'percent' },
        },
      },
    });
    const regions = tables.get('regions');
    expect(regions?.rows).toEqual([
      { label: 'South', share: 0.3 },
      { label: 'North', share: 0.6 },
    ]);
    expect(regions?.formats).toEqual({ share: 'percent' });
    expect(regions?.definition).toBe(
      'From dataset \u2068areas-2016\u2069: grouped by Region, with Leave and Valid summed over each group’s rows; leaveShare = Leave / Valid; sorted by leaveShare ascending (ties keep their order); columns label (Region), share (leaveShare).',
    );
  });

  it('sums a whole table into one row without groupBy, and filters with where first', () => {
    const { tables } = analyse({
      tables: {
        total: { from: 'eu', sum: ['Leave', 'Valid'], derive: { share: 'Leave / Valid' } },
        north: { from: 'eu', where: { Region: 'North' }, sort: '-Leave', limit: 1, select: { Area: 'Area' } },
      },
    });
    expect(tables.get('total')?.rows).toEqual([{ Leave: 45, Valid: 100, share: 0.45 }]);
    expect(tables.get('north')?.rows).toEqual([{ Area: 'N1' }]);
  });

  it('max/min values name the row (or every tied row) and take the column format as their type', () => {
    const { values } = analyse({
      tables: {
        shares: { from: 'eu', derive: { leaveShare: 'Leave / Valid' }, formats: { leaveShare: 'percent' } },
      },
      values: {
        top: { max: 'shares', column: 'leaveShare', name: 'Area' },
        bottom: { min: 'shares', column: 'leaveShare', name: 'Area', where: { Region: 'South' } },
        mostLeave: { max: 'eu', column: 'Leave', name: 'Area' },
        tied: { max: 'eu', column: 'Valid', name: 'Area' },
      },
    });
    expect(values.get('top')).toMatchObject({ value: 2 / 3, type: 'share' });
    expect(values.get('top.name')).toMatchObject({ value: 'N1', type: 'text' });
    expect(values.get('bottom')).toMatchObject({ value: 0.2 });
    expect(values.get('bottom.name')?.value).toBe('S1');
    expect(values.get('mostLeave')).toMatchObject({ value: 20, type: 'number' });
    expect(values.get('tied.name')?.value).toBe('N1 and S2');
    expect(values.get('tied')?.definition).toBe('The largest "Valid" among all rows of \u2068areas-2016\u2069. 2 rows tie for it.');
    expect(values.get('tied.name')?.definition).toBe(
      'The "Area" of the rows with the largest "Valid" among all rows of \u2068areas-2016\u2069. 2 rows tie for it; all are named, in table order.',
    );
  });

  it('counts and picks rows by a cell, an empty cell reading "is empty" in the definition', () => {
    const notes = tableDataset('notes', [
      { area: 'N1', note: null, n: 1 },
      { area: 'N2', note: 'recount', n: 2 },
      { area: 'S1', note: null, n: 3 },
    ]);
    const { values } = analyse(
      {
        datasets: { t: 'notes' },
        values: {
          plain: { count: 't', where: { note: null } },
          recount: { pick: 't', column: 'n', where: { note: 'recount', area: 'N2' } },
        },
      },
      { t: notes },
    );
    expect(values.get('plain')?.value).toBe(2);
    expect(values.get('plain')?.definition).toBe('Rows of \u2068notes\u2069 where note is empty.');
    expect(values.get('recount')?.definition).toBe(
      '"n" of the one row of \u2068notes\u2069 where note = \u2068recount\u2069, area = \u2068N2\u2069.',
    );
  });

  it('scores values against another (0.794 and 0.595 against 0.618: +17.6 and −2.3 points)', () => {
    const polls = tableDataset('polls', [
      { method: 'sov', share: 0.794 },
      { method: 'last', share: 0.595 },
      { method: 'real', share: 0.618 },
    ]);
    const { tables, values } = analyse(
      {
        values: {
          sov: { label: 'Share of voice', pick: 'p', column: 'share', where: { method: 'sov' }, type: 'share' },
          last: { label: 'Last result', pick: 'p', column: 'share', where: { method: 'last' }, type: 'share' },
          real: { pick: 'p', column: 'share', where: { method: 'real' }, type: 'share' },
          closest: { min: 'card', column: 'absError', name: 'label' },
        },
        tables: { card: { scorecard: ['sov', 'last'], against: 'real' } },
      },
      { p: polls },
    );
    const rows = tables.get('card')?.rows ?? [];
    expect(rows.map((r) => r.label)).toEqual(['Share of voice', 'Last result']);
    expect(rows[0]?.error).toBeCloseTo(0.176, 12);
    expect(rows[1]?.absError).toBeCloseTo(0.023, 12);
    expect(tables.get('card')?.formats).toEqual({ value: 'percent', actual: 'percent', error: 'points', absError: 'abs-points' });
    // Soundings names its columns, so it heads them for readers too (::table).
    expect(tables.get('card')?.headers).toEqual({
      label: 'Method',
      value: 'Estimate',
      actual: 'Result',
      error: 'Error',
      absError: 'Distance from the result',
    });
    expect(tables.get('card')?.definition).toBe(
      'Each of sov and last scored against real (61.8%): error = estimate − real, absError = |error|, in percentage points.',
    );
    expect(values.get('closest.name')?.value).toBe('Last result');
    expect(values.get('closest')).toMatchObject({ type: 'distance' });
    expect(values.get('closest')?.value).toBeCloseTo(0.023, 12);
  });

  it('reports every mistake at its frontmatter key', () => {
    const zero = tableDataset('zero', [
      { Area: 'A', Leave: 1, Valid: 2 },
      { Area: 'B', Leave: 0, Valid: 0 },
    ]);
    const problem = (extra: Partial<FrontmatterInput>, datasets?: Record<string, Dataset>) => {
      try {
        analyse(extra, datasets);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('expected a problem');
    };
    expect(problem({ tables: { t: { from: 'eu', derive: { s: 'Leave / Valid' } } } }, { eu: zero })).toBe(
      'tables.t.derive.s: cannot compute "s" = Leave / Valid for row 2 (Area "B"): Leave = 0, Valid = 0 (division by zero, or an empty cell). Fix the data, or leave the row out with "where".',
    );
    expect(problem({ tables: { t: { from: 'nope' } } })).toBe(
      'tables.t.from: reads "nope", which is neither a dataset alias of this post nor a table. Known: "eu".',
    );
    const toots = { id: 'toots', kind: 'posts', rows: [] } as unknown as Dataset;
    expect(problem({ values: { x: { pick: 'ue', column: 'Leave' } } })).toBe(
      'values.x.pick: reads dataset alias "ue", which is not under "datasets". Did you mean "eu"?',
    );
    const campaign = { id: 'red', label: '#Red', hashtags: ['Red'], color: '#b3202a' };
    expect(problem({ campaigns: [campaign] }, { a: toots, b: toots })).toBe(
      'datasets: This post has several posts datasets ("a", "b") and no "posts" saying which its campaigns are counted on: name one alias (posts: a), or list them to count their posts together, as one dataset (posts: [a, b]).',
    );
    expect(problem({ campaigns: [campaign] }, { eu: areas })).toBe('campaigns: Campaigns need a posts dataset under "datasets".');
    expect(problem({ campaigns: [campaign], posts: 'toot' }, { eu: areas, toots })).toBe(
      'posts: "toot" is not a posts dataset alias of this post: its posts datasets are "toots". Did you mean "toots"?',
    );
    expect(problem({ campaigns: [campaign], posts: 'eu' }, { eu: areas })).toBe(
      'posts: "eu" is not a posts dataset alias of this post: it reads a table dataset (areas-2016), which has no posts to count campaigns on; it has none under "datasets".',
    );
    expect(problem({ tables: { t: { from: 'toots' } } }, { eu: areas, toots })).toBe(
      'tables.t.from: reads "toots", a posts dataset: tables read accounts and table datasets and other tables; posts are counted through the campaign keys and the computed tables "weekly" and "share-of-voice". Known: "eu".',
    );
    expect(problem({ tables: { t: { from: 'eu', where: { Region: 'West' } } } })).toBe(
      'tables.t.where: has no rows: nothing in dataset areas-2016 matches. Check the data or the filter.',
    );
    expect(problem({ tables: { t: { from: 'eu', derive: { s: 'Leave/Valid' } } } })).toMatch(
      /^tables\.t\.derive\.s: derives "s" from "Leave\/Valid" must be two operands/,
    );
    expect(problem({ tables: { t: { from: 'eu', sort: '-Lieve' } } })).toBe(
      'tables.t.sort: reads column "Lieve", which the table does not have (it has "Region", "Area", "Leave", "Valid").',
    );
    expect(problem({ tables: { t: { from: 'eu', groupBy: 'Region', sum: ['Area'] } } })).toBe(
      'tables.t.sum.0: sums column "Area", but row 1 (Region "North") holds "N1", not a number.',
    );
    expect(problem({ tables: { t: { from: 'eu', formats: { Leave: 'more-than' } } } })).toBe(
      'tables.t.formats.Leave: gives column "Leave" the format "more-than", which is for prose ("more than :value[…]"); a table cell has no "more than" before it. Use "thousands" or another format.',
    );
    expect(problem({ tables: { t: { from: 'eu', formats: { Leave: 'percentage' } } } })).toBe(
      'tables.t.formats.Leave: gives column "Leave" the format "percentage", which is neither a house format nor a d3-format specifier.',
    );
    expect(problem({ tables: { a: { from: 'b' }, b: { from: 'a' } } })).toBe('tables.a: depends on itself.');
    expect(problem({ tables: { eu: { from: 'eu' } } })).toBe(
      'tables.eu: is already the name of a dataset alias or a computed table of this post; choose another name.',
    );
    expect(problem({ tables: { c: { scorecard: ['missing'], against: 'x' } } })).toBe(
      'tables.c.against: refers to "x", which is not a known key.',
    );
    expect(problem({ values: { m: { max: 'eu', column: 'Area' } } })).toBe(
      'values.m.column: has no number in "Area" among all rows of areas-2016 to take the largest of.',
    );
    expect(problem({ values: { m: { max: 'eu', column: 'Leave', name: 'Nom' } } })).toMatch(/^values\.m\.name: reads column "Nom"/);
    expect(problem({ values: { m: { max: 'nope', column: 'Leave' } } })).toBe(
      'values.m.max: reads dataset alias "nope", which is not under "datasets".',
    );
    // A filter on a column the rows lack would match nothing and print 0.
    const missing = 'which the dataset does not have (it has Region, Area, Leave, Valid). Column names are case-sensitive.';
    expect(problem({ values: { n: { count: 'eu', where: { region: 'North' } } } })).toBe(
      `values.n.where.region: filters on column "region", ${missing}`,
    );
    expect(problem({ values: { n: { sum: 'eu', column: 'Leave', where: { Regoin: 'North' } } } })).toBe(
      `values.n.where.Regoin: filters on column "Regoin", ${missing}`,
    );
    expect(problem({ values: { n: { share: 'eu', column: 'Leave', of: { area: 'N1' } } } })).toBe(
      `values.n.of.area: filters on column "area", ${missing}`,
    );
    expect(problem({ values: { n: { max: 'eu', column: 'Leave', where: { Zone: 'N' } } } })).toMatch(/^values\.n\.where\.Zone: filters on/);
    expect(problem({ values: { n: { pick: 'eu', column: 'Leave', where: { AREA: 'N1' } } } })).toMatch(
      /^values\.n\.where\.AREA: filters on/,
    );
  });
});
