import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/types.ts';
import { columnSummaries, downloadAllowed, sourceBreaks } from '../../src/site/datasetSummary.ts';

describe('columnSummaries(dataset)', () => {
  it("counts a posts dataset's hashtags as posts with a tag (filled) and distinct tags, as campaigns match them (case, NFC)", () => {
    const post = (id: string, time: string, hashtags: string[]) => ({ id, time: Date.parse(time), author: 'a', text: 't', hashtags });
    const dataset = {
      kind: 'posts',
      manifest: { fields: { id: 'id', time: 'created_at', author: 'user', text: 'text' } },
      rows: [
        post('1', '2016-07-01T10:00:00Z', ['Red', 'red', 'Blue']),
        post('2', '2016-07-02T10:00:00Z', []),
        post('3', '2016-07-03T10:00:00Z', ['RED', 'SÍPuerto', 'Si\u0301Puerto']),
      ],
    } as unknown as Dataset;
    const byName = new Map(columnSummaries(dataset).map((c) => [c.name, c]));
    expect(byName.get('hashtags')).toMatchObject({ filled: 2, distinct: 3, source: 'extracted from the text' });
    expect(byName.get('time')).toMatchObject({ filled: 3, distinct: 3, range: ['2016-07-01T10:00:00Z', '2016-07-03T10:00:00Z'] });
  });
});

describe('columnSummaries(dataset): ranges', () => {
  it('gives a range of numbers with thousands separators, and a column of years by its name without them', () => {
    const dataset = {
      kind: 'table',
      manifest: { columns: { year: 'integer', votes: 'integer' } },
      rows: [
        { year: 2015, votes: 1799 },
        { year: 2016, votes: 1260955 },
      ],
    } as unknown as Dataset;
    const byName = new Map(columnSummaries(dataset).map((c) => [c.name, c]));
    expect(byName.get('year')?.range).toEqual(['2015', '2016']);
    expect(byName.get('votes')?.range).toEqual(['1,799', '1,260,955']);
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

describe('sourceBreaks(source): where a source path may wrap on a dataset page', () => {
  it('cuts after each "." and before each "[", keeping an index in its brackets', () => {
    expect(sourceBreaks('includes.users[author_id].username')).toEqual(['includes.', 'users', '[author_id].', 'username']);
    expect(sourceBreaks('entities.hashtags[].tag (note_tweet.entities)')).toEqual([
      'entities.',
      'hashtags',
      '[].',
      'tag (note_tweet.',
      'entities)',
    ]);
    // Nothing to cut, and no empty piece at either end or between dots.
    expect(sourceBreaks('created_at')).toEqual(['created_at']);
    expect(sourceBreaks('[0]')).toEqual(['[0]']);
    expect(sourceBreaks('a..b.')).toEqual(['a..', 'b.']);
  });
});
