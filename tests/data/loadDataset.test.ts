import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkDataset,
  type FileCache,
  type FileRecords,
  type LoadOptions,
  loadDataset,
  type ReadBytes,
} from '../../src/data/loadDataset.ts';
import { streamPosts } from '../../src/data/streamPosts.ts';
import type { PostsDataset, TableDataset } from '../../src/data/types.ts';
import { manifest } from './adapters/helpers.ts';
import { postsManifest, tempProject } from './helpers.ts';

const load = (root: string, id = 'tweets') => loadDataset(id, { root, dataDir: join(root, 'data') });
const message = async (root: string, id = 'tweets') => {
  try {
    await load(root, id);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected loadDataset to throw');
};

describe('loadDataset(id, options): posts', () => {
  it('reads every matching file in code-point order, extracts hashtags and counts duplicate ids once', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/b.csv': 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#SaveLabour now\n2,2016-07-02T09:00:00Z,b,dup of 2\n',
      'data/tweets/a.csv':
        'id,created_at,user,text\n1,2016-07-01T10:00:00+01:00,a,"Rally at 10:30 #KeepCorbyn, #JC4PM"\n2,2016-07-02T09:00:00Z,b,#keepcorbyn\n',
      'data/tweets/README.md': 'not data',
    });
    const dataset = (await load(root)) as PostsDataset;
    expect(dataset.files.map((f) => [f.path, f.rows])).toEqual([
      ['data/tweets/a.csv', 2],
      ['data/tweets/b.csv', 2],
    ]);
    expect(dataset.rows.map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(dataset.duplicates).toBe(1);
    expect(dataset.rows[0]?.time).toBe(Date.UTC(2016, 6, 1, 9, 0, 0));
    expect(dataset.rows[0]?.hashtags).toEqual(['KeepCorbyn', 'JC4PM']);
    expect(dataset.rows[1]?.text).toBe('#keepcorbyn');
    expect(dataset.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads JSON and NDJSON with dot-path fields, and CR-only line endings in CSV', async () => {
    const manifest = postsManifest().replace('  author: user', '  author: user.name');
    const root = tempProject({
      'data/tweets/manifest.yaml': manifest,
      'data/tweets/a.json': JSON.stringify([{ id: 'j1', created_at: '2016-07-01T00:00:00Z', user: { name: 'x' }, text: '#A' }]),
      'data/tweets/b.ndjson':
        '{"id":"n1","created_at":"2016-07-02T00:00:00Z","user":{"name":"y"},"text":"#B"}\n\n{"id":"n2","created_at":"2016-07-03T00:00:00Z","user":{"name":"z"},"text":"#C"}\n',
    });
    expect(((await load(root)) as PostsDataset).rows.map((p) => [p.id, p.author, p.hashtags[0]])).toEqual([
      ['j1', 'x', 'A'],
      ['n1', 'y', 'B'],
      ['n2', 'z', 'C'],
    ]);
    const cr = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: OGL-UK-3.0\ncollected: 2016-06-24\ncolumns:\n  area: string\n  leave: integer\n',
      'data/t/results.csv': 'area,leave\rHartlepool,32071\r"Multi\rline",5\r',
    });
    expect(((await load(cr, 't')) as TableDataset).rows).toEqual([
      { area: 'Hartlepool', leave: 32071 },
      { area: 'Multi\rline', leave: 5 },
    ]);
    // A pandas index, a column with no name, is not read unless the manifest names it (which it may not).
    const indexed = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: OGL-UK-3.0\ncollected: 2016-06-24\ncolumns:\n  area: string\n  leave: integer\n',
      'data/t/results.csv': ',area,leave\n0,Hartlepool,32071\n1,Boston,22974\n',
    });
    expect(((await load(indexed, 't')) as TableDataset).rows).toEqual([
      { area: 'Hartlepool', leave: 32071 },
      { area: 'Boston', leave: 22974 },
    ]);
  });
});

describe('loadDataset(id, options): errors name file:line:column and what to do', () => {
  it('a bad date', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok\n2,31/02/16,b,bad\n',
    });
    expect(await message(root)).toBe(
      'data/tweets/a.csv:3:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z), got "31/02/16". If the export writes every time so, say so where the manifest maps "time" (data/tweets/manifest.yaml:11:3), and it reads them all as they are: time: { column: created_at, format: "%d/%m/%y" }, adding zone: Europe/London (say) unless they are UTC; see README, "Adding a dataset". Fix or remove the row.',
    );
  });

  it("a time in the export's own format: the manifest's time format, which reads the whole file, with the format it looks like", async () => {
    const bad = (time: string, manifest = postsManifest()) =>
      message(
        tempProject({
          'data/tweets/manifest.yaml': manifest,
          'data/tweets/a.csv': `id,created_at,user,text\n1,${time},a,ok\n`,
        }),
      );
    // 07/03 is 7 March or July 3: both are offered.
    expect(await bad('07/03/2024 12:00')).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z), got "07/03/2024 12:00". If the export writes every time so, say so where the manifest maps "time" (data/tweets/manifest.yaml:11:3), and it reads them all as they are: time: { column: created_at, format: "%d/%m/%Y %H:%M" } ("%m/%d/%Y %H:%M" if the month comes first), adding zone: Europe/London (say) unless they are UTC; see README, "Adding a dataset". Fix or remove the row.',
    );
    expect(await bad('3.13.2024 9:05:59')).toContain('time: { column: created_at, format: "%m.%d.%Y %H:%M:%S" }, adding zone');
    // A shape without a guess, and a manifest that names the zone already; a cell that is no time gets no advice.
    const zoned = postsManifest().replace('time: created_at', 'time: { column: created_at, zone: Europe/London }');
    expect(await bad('yesterday', zoned)).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be an ISO date-time (e.g. 2016-07-12 18:04:31), read in Europe/London, got "yesterday". Fix or remove the row.',
    );
    expect(await bad('7 March 2024 12:00', zoned)).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be an ISO date-time (e.g. 2016-07-12 18:04:31), read in Europe/London, got "7 March 2024 12:00". If the export writes every time so, say so where the manifest maps "time" (data/tweets/manifest.yaml:11:3), and it reads them all as they are: time: { column: created_at, format: "…", zone: Europe/London } (a d3-time-format specifier, such as "%d/%m/%Y %H:%M"); see README, "Adding a dataset". Fix or remove the row.',
    );
  });

  it('an impossible calendar date and a time without a timezone', async () => {
    const bad = (value: string) =>
      message(
        tempProject({
          'data/tweets/manifest.yaml': postsManifest(),
          'data/tweets/a.csv': `id,created_at,user,text\n1,${value},a,x\n`,
        }),
      );
    expect(await bad('2016-02-31T10:00:00Z')).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be a day that exists in the calendar (there is no 2016-02-31), got "2016-02-31T10:00:00Z". Fix or remove the row.',
    );
    const leap = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-02-29T10:00:00Z,a,x\n',
    });
    expect(((await load(leap)) as PostsDataset).rows[0]?.time).toBe(Date.UTC(2016, 1, 29, 10));
    expect(await bad('2016-07-01T10:00:00')).toContain('got "2016-07-01T10:00:00"');
  });

  it("a time in the manifest's format that does not exist (d3 would roll it over), and where the format is set", async () => {
    const bad = (format: string, good: string, time: string) =>
      message(
        tempProject({
          'data/tweets/manifest.yaml': postsManifest().replace(
            '  time: created_at',
            `  time:\n    column: created_at\n    format: "${format}"`,
          ),
          'data/tweets/a.csv': `id,created_at,user,text\n1,${good},a,ok\n2,${time},b,bad\n`,
        }),
      );
    expect(await bad('%d/%m/%Y %H:%M', '01/07/2016 10:00', '30/02/2016 10:00')).toBe(
      'data/tweets/a.csv:3:2: "created_at" must be a time in the format "%d/%m/%Y %H:%M" that exists in the calendar (read leniently, this one would roll over to "01/03/2016 10:00"), got "30/02/2016 10:00". The manifest sets the format (data/tweets/manifest.yaml:13:5): if the export writes every time another way, change it to match; see README, "Adding a dataset". Fix or remove the row.',
    );
    // A day name that disagrees with the numbers (13 July 2016 was a Wednesday) is told the same place.
    expect(await bad('%a %d %b %Y %H:%M', 'Fri 01 Jul 2016 10:00', 'Tue 13 Jul 2016 10:00')).toBe(
      'data/tweets/a.csv:3:2: "created_at" must be a time in the format "%a %d %b %Y %H:%M" whose day and month names agree with its numbers (by its numbers it is "Wed 13 Jul 2016 10:00"), got "Tue 13 Jul 2016 10:00". The manifest sets the format (data/tweets/manifest.yaml:13:5): if the export writes every time another way, change it to match; see README, "Adding a dataset". Fix or remove the row.',
    );
  });

  it('a month past 12 in a format read the wrong way round: the format that reads it, and where it is set', async () => {
    const bad = (time: string, format: string) =>
      message(
        tempProject({
          'data/tweets/manifest.yaml': postsManifest().replace('  time: created_at', `  time: { column: created_at, format: "${format}" }`),
          'data/tweets/a.csv': `id,created_at,user,text\n1,${time},a,x\n`,
        }),
      );
    expect(await bad('13/07/2016 10:00', '%m/%d/%Y %H:%M')).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be a time in the format "%m/%d/%Y %H:%M" that exists in the calendar (read leniently, this one would roll over to "01/07/2017 10:00"), got "13/07/2016 10:00". Read as "%d/%m/%Y %H:%M", the day before the month, it is 2016-07-13T10:00:00Z: if the export writes every date so, that is the format the manifest must give (data/tweets/manifest.yaml:11:31); see README, "Adding a dataset". Fix or remove the row.',
    );
    expect(await bad('07/13/2016', '%e/%m/%Y')).toContain('Read as "%m/%d/%Y", the month before the day, it is 2016-07-13T00:00:00Z:');
    // A day that no month has, either way round, is the row's mistake: nothing to suggest.
    expect(await bad('31/02/2016 10:00', '%d/%m/%Y %H:%M')).not.toContain('Read as');
  });

  it("a time the manifest's format does not read: what the format reads, by example, and where it is set", async () => {
    const bad = (time: string, format: string, zone = '') =>
      message(
        tempProject({
          'data/tweets/manifest.yaml': postsManifest().replace(
            '  time: created_at',
            `  time: { column: "Date (local)", format: "${format}"${zone} }`,
          ),
          'data/tweets/a.csv': `id,Date (local),user,text\n1,${time},a,x\n`,
        }),
      );
    const zoned = '%d/%m/%Y %H:%M %Z';
    // %Z reads "Z", "+01:00", "+0100" or "-05" (d3-time-format), never a zone's name.
    const offsets =
      ', in which a time reads like "15/07/2016 16:04 +01:00": %Z is an offset from UTC, written "Z", "+01:00", "+0100" or "-05", not a zone\'s name such as CET or GMT+1, which d3-time-format does not read (export the times with their offsets, or in UTC).';
    expect(await bad('02/03/2016 10:00 CET', zoned)).toBe(
      `data/tweets/a.csv:2:2: "Date (local)" must be a time in the format "${zoned}", got "02/03/2016 10:00 CET". The manifest sets the format (data/tweets/manifest.yaml:11:35)${offsets} If the export writes every time another way, change the format to match; see README, "Adding a dataset". Fix or remove the row.`,
    );
    expect(await bad('03/03/2016 12:00 GMT+1', zoned)).toContain(
      'got "03/03/2016 12:00 GMT+1". The manifest sets the format (data/tweets/manifest.yaml:11:35)',
    );
    expect(await bad('2016-03-02T23:30:00-05:00', zoned)).toBe(
      `data/tweets/a.csv:2:2: "Date (local)" must be a time in the format "${zoned}", got "2016-03-02T23:30:00-05:00". The manifest sets the format (data/tweets/manifest.yaml:11:35)${offsets} This one is an ISO 8601 time, which is read without a format: if the export writes every time so, leave "format" out; see README, "Adding a dataset". Fix or remove the row.`,
    );
    // A format without %Z: its times are UTC, or the clock times of the manifest's zone.
    expect(await bad('02/03/2016 10:00 CET', '%d/%m/%Y %H:%M')).toBe(
      'data/tweets/a.csv:2:2: "Date (local)" must be a time in the format "%d/%m/%Y %H:%M", got "02/03/2016 10:00 CET". The manifest sets the format (data/tweets/manifest.yaml:11:35), in which a time reads like "15/07/2016 16:04", with no offset: a time written so is read as UTC, unless zone: names whose clock time it is (zone: Europe/London, say). If the export writes every time another way, change the format to match; see README, "Adding a dataset". Fix or remove the row.',
    );
    expect(await bad('02/03/2016 10:00 CET', '%d/%m/%Y %H:%M', ', zone: Europe/Paris')).toContain(
      ', in which a time reads like "15/07/2016 16:04", with no offset: a time written so is read as the clock time in Europe/Paris, the manifest\'s zone. If',
    );
  });

  it('an ISO time, or a format\'s %Z, with an offset no time zone has: out of range, not "without a timezone"', async () => {
    const bad = (time: string, manifest = postsManifest()) =>
      message(tempProject({ 'data/tweets/manifest.yaml': manifest, 'data/tweets/a.csv': `id,created_at,user,text\n1,${time},a,ok\n` }));
    expect(await bad('2016-07-12T10:00:00+25:00')).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be a time whose offset from UTC is one a time zone has, from -12:00 to +14:00 (there is no +25:00), got "2016-07-12T10:00:00+25:00". Fix or remove the row.',
    );
    const zoned = postsManifest().replace('  time: created_at', '  time: { column: created_at, format: "%d/%m/%Y %H:%M %Z" }');
    expect(await bad('12/07/2016 10:00 +1500', zoned)).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be a time whose offset from UTC is one a time zone has, from -12:00 to +14:00 (there is no +1500), got "12/07/2016 10:00 +1500". Fix or remove the row.',
    );
  });

  it("times written as one zone's clock times, read in the manifest's zone; the skipped hour refused at its row", async () => {
    const manifest = postsManifest().replace(
      '  time: created_at',
      '  time:\n    column: created_at\n    format: "%d/%m/%Y %H:%M"\n    zone: Europe/London',
    );
    const good = tempProject({
      'data/tweets/manifest.yaml': manifest,
      'data/tweets/a.csv': 'id,created_at,user,text\n1,15/07/2016 16:00,a,summer\n2,01/01/2016 16:00,b,winter\n',
    });
    expect(((await load(good)) as PostsDataset).rows.map((p) => new Date(p.time).toISOString())).toEqual([
      '2016-07-15T15:00:00.000Z',
      '2016-01-01T16:00:00.000Z',
    ]);
    const skipped = tempProject({
      'data/tweets/manifest.yaml': manifest,
      'data/tweets/a.csv': 'id,created_at,user,text\n1,27/03/2016 01:30,a,x\n',
    });
    expect(await message(skipped)).toBe(
      'data/tweets/a.csv:2:2: "created_at" must be a time that exists in Europe/London (the clocks went forward over this one), got "27/03/2016 01:30". Fix or remove the row.',
    );
  });

  it('a missing column, at the header and at the manifest line that maps it', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,time,user,text\n1,2016-07-01T10:00:00Z,a,ok\n',
    });
    expect(await message(root)).toBe(
      'data/tweets/a.csv:1:1: The manifest maps "time" to column "created_at" (data/tweets/manifest.yaml:11:3), which this file does not have. Its columns are "id", "time", "user", "text". Rename the column in the file, or fix the mapping under "fields" or "columns" in manifest.yaml.',
    );
    // A misspelt column gets the closest the file has.
    const misspelt = tempProject({
      'data/tweets/manifest.yaml': postsManifest().replace('author: user', 'author: screen_nam'),
      'data/tweets/a.csv': 'id,created_at,screen_name,text\n1,2016-07-01T10:00:00Z,a,ok\n',
    });
    expect(await message(misspelt)).toBe(
      'data/tweets/a.csv:1:1: The manifest maps "author" to column "screen_nam" (data/tweets/manifest.yaml:12:3), which this file does not have. Its columns are "id", "created_at", "screen_name", "text". Did you mean "screen_name"? Rename the column in the file, or fix the mapping under "fields" or "columns" in manifest.yaml.',
    );
    // A JSON record has no header: the record missing the key is named, with its own keys.
    const json = tempProject({
      'data/tweets/manifest.yaml': postsManifest().replace(
        '  time: created_at',
        '  time:\n    column: created\n    format: "%d/%m/%Y %H:%M"',
      ),
      'data/tweets/a.ndjson':
        '{"id":"1","created":"01/07/2016 10:00","user":"a","text":"ok"}\n{"id":"2","created_at":"x","user":"b","text":"no"}\n',
    });
    expect(await message(json)).toBe(
      'data/tweets/a.ndjson:2:1: The manifest maps "time" to column "created" (data/tweets/manifest.yaml:12:5), which this record does not have. Its keys are "id", "created_at", "user", "text". Did you mean "created_at"? Rename the column in the file, or fix the mapping under "fields" or "columns" in manifest.yaml.',
    );
    const table = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: OGL-UK-3.0\ncollected: 2016-06-24\ncolumns:\n  area: string\n  lave: integer\n',
      'data/t/results.csv': 'area,leave\nHartlepool,32071\n',
    });
    expect(await message(table, 't')).toContain(
      'data/t/results.csv:1:1: The manifest maps "lave" to column "lave" (data/t/manifest.yaml:9:3), which this file does not have. Its columns are "area", "leave". Did you mean "leave"?',
    );
  });

  it('a malformed CSV row (too few fields, and a stray quote)', async () => {
    const short = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok\n2,2016-07-01T10:00:00Z,b\n',
    });
    expect(await message(short)).toBe(
      'data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. Check the quoting and the number of separators on this line.',
    );
    const quote = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,"say "hi" now"\n',
    });
    expect(await message(quote)).toBe(
      'data/tweets/a.csv:2:4: A quoted field has text after its closing quote (a quote inside a quoted field must be doubled: ""). Check the quoting and the number of separators on this line.',
    );
    // A quote inside a field that is not quoted (csv-parse's one error code without "CSV_": it escaped unlocated).
    const inside = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok\n2,2016-07-01T10:00:00Z,b,He said "hi" there\n',
    });
    expect(await message(inside)).toBe(
      'data/tweets/a.csv:3:4: A field that does not start with a quote has one inside it: put the whole field in quotes and double each quote inside it (He said "hi" there → "He said ""hi"" there"). Check the quoting and the number of separators on this line.',
    );
  });

  it('a quote never closed, at the record that opens it rather than the end of the file', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,"two\nlines"\n2,2016-07-01T10:00:00Z,b,"never closed\n3,2016-07-01T10:00:00Z,c,x\n4,2016-07-01T10:00:00Z,d,y\n',
    });
    expect(await message(root)).toBe(
      'data/tweets/a.csv:4: A quoted field is opened on this line but never closed, so lines 5–6, to the end of the file, were read as part of it and not checked: a stray quote, or a file cut short (an export that failed, or a file still being copied?). If the file is still being copied or written, wait for it to finish (or export it again) and check again; if it is whole, close the quote, or take out a stray one (a quote inside a quoted field must be doubled: "").',
    );
    const afterBlankLines = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n\n\n2,2016-07-01T10:00:00Z,b,"never closed\n',
    });
    expect(await message(afterBlankLines)).toMatch(
      /^data\/tweets\/a\.csv:5: A quoted field is opened on this line but never closed: the file ends inside it, as a file cut short does /,
    );
  });

  it('a row after a quoted field with a CRLF line break, at its own line', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id,created_at,user,text\r\n1,2016-07-01T10:00:00Z,a,"two\r\nlines"\r\n2,yesterday,b,z\r\n3,2016-07-01T10:00:00Z,c\r\n',
    });
    const problems = await checkDataset('tweets', { root, dataDir: join(root, 'data') });
    expect(problems.map((e) => e.message.split(': ')[0])).toEqual(['data/tweets/a.csv:4:2', 'data/tweets/a.csv:5:4']);
  });

  it('a check reports every row with the wrong number of fields, at its first line, and reads the others', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok,extra\n2,2016-07-01T10:00:00Z,b,"two\nlines",x\n3,,c,no time\n4,2016-07-01T10:00:00Z,d\n5,2016-07-01T10:00:00Z,e,fine\n',
    });
    const problems = await checkDataset('tweets', { root, dataDir: join(root, 'data') });
    expect(problems.map((e) => e.message.replace(/ (Check the quoting|Fill it in).*$/, ''))).toEqual([
      'data/tweets/a.csv:2:5: This row has 5 fields, but the header has 4.',
      // A row over two lines says so: a quote left open at a line's end takes in the lines after it.
      'data/tweets/a.csv:3:5: This row has 5 fields, but the header has 4. The quote opened on line 3 runs on to line 4: line 4 was read as part of one field (a stray quote on line 3?).',
      'data/tweets/a.csv:5:2: "created_at" is empty.',
      'data/tweets/a.csv:6:4: This row has 3 fields, but the header has 4.',
    ]);
  });

  it('a check reports each bad cell of a row, at its own column; a build the first', async () => {
    const table = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n  day: date\n  n: integer\n  ok: boolean\n',
      'data/t/a.csv': 'day,n,ok\n2016-06-23,1,true\n2016-02-31,abc,maybe\n',
    });
    const day =
      'data/t/a.csv:3:1: "day" must be a day that exists in the calendar (there is no 2016-02-31), got "2016-02-31". Fix or remove the row.';
    expect((await checkDataset('t', { root: table, dataDir: join(table, 'data') })).map((e) => e.message)).toEqual([
      day,
      'data/t/a.csv:3:2: "n" must be a whole number, got "abc". Write plain digits with no thousands separators: an integer column takes 2503 (or 2503.0), a number column also 2503.5 or 2.5e3. Declare the column "number" if it holds fractions, or remove the row.',
      'data/t/a.csv:3:3: "ok" must be true or false, got "maybe". Fix or remove the row.',
    ]);
    expect(await message(table, 't')).toBe(day);
    // A number written with a decimal comma, unquoted, splits in two: the row's message asks about it.
    const comma = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n  region: string\n  share: number\n',
      'data/t/a.csv': 'region,share\nLondon,0.4\nParis,0,62\n',
    });
    expect(await message(comma, 't')).toBe(
      'data/t/a.csv:3:3: This row has 3 fields, but the header has 2. Fields 2 and 3 ("0" and "62") may be one number written with a decimal comma, 0,62, as a spreadsheet writes numbers in French, German or Spanish settings: unquoted, it splits in two. Soundings reads only a decimal point (a comma also separates thousands): export the file again with "." as the decimal separator, or replace such commas with points. Check the quoting and the number of separators on this line.',
    );
    // Posts and accounts alike: a bad time with an empty author; an empty id with followers that are not a number.
    const posts = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,yesterday,,x\n',
    });
    expect((await checkDataset('tweets', { root: posts, dataDir: join(posts, 'data') })).map((e) => e.message)).toEqual([
      'data/tweets/a.csv:2:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z), got "yesterday". Fix or remove the row.',
      'data/tweets/a.csv:2:3: "user" is empty. Fill it in or remove the row.',
    ]);
    const accounts = tempProject({
      'data/f/manifest.yaml':
        'title: F\ndescription: D\nkind: accounts\nsource: S\nlicence: L\ncollected: 2016-09-18\nfields:\n  id: id\n  name: name\n  platform: platform\n  followers: followers\n',
      'data/f/a.csv': 'id,name,platform,followers\n,Big,twitter,629k\n',
    });
    expect((await checkDataset('f', { root: accounts, dataDir: join(accounts, 'data') })).map((e) => e.message.split(': ')[0])).toEqual([
      'data/f/a.csv:2:1',
      'data/f/a.csv:2:4',
    ]);
  });

  it('says a number with a decimal comma is one, quoted in a CSV or plain in a TSV, rather than to drop thousands separators', async () => {
    const table = (files: string) =>
      `title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\nfiles: "${files}"\ncolumns:\n  area: string\n  share: number\n  votes: integer\n`;
    const root = tempProject({
      'data/c/manifest.yaml': table('*.csv'),
      'data/c/a.csv': 'area,share,votes\nHartlepool,"0,62",32071\nBoston,"1.234,5",2\n',
      'data/t/manifest.yaml': table('*.tsv'),
      'data/t/a.tsv': 'area\tshare\tvotes\nHartlepool\t0,62\t32071\nBoston\t0.75\t12,5\n',
    });
    const HINT =
      'Export the file again with "." as the decimal separator and no thousands separator (in Excel: File › Options › Advanced, untick "Use system separators" and set "Decimal separator" to "."; then save as "CSV UTF-8"), or replace the commas in this column with points.';
    const comma = (at: string, column: string, got: string, whole = false) =>
      `${at}: "${column}" must be ${whole ? 'a whole number' : 'a number'}, got "${got}", which is written with a decimal comma (as a spreadsheet writes numbers in French, German or Spanish settings). Soundings reads only a decimal point, since a comma also separates thousands ("1,234" is 1234 in English).${
        whole ? ' Declare the column "number" in manifest.yaml, as it holds fractions.' : ''
      } ${HINT}`;
    const check = async (id: string) => (await checkDataset(id, { root, dataDir: join(root, 'data') })).map((e) => e.message);
    expect(await check('c')).toEqual([comma('data/c/a.csv:2:2', 'share', '0,62'), comma('data/c/a.csv:3:2', 'share', '1.234,5')]);
    expect(await check('t')).toEqual([comma('data/t/a.tsv:2:2', 'share', '0,62'), comma('data/t/a.tsv:3:3', 'votes', '12,5', true)]);
  });

  it('a bad number in a table, a JSON syntax error, a bad manifest and an unknown dataset', async () => {
    const table = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n  area: string\n  leave: integer\n',
      'data/t/a.csv': 'area,leave\nHartlepool,"32,071"\n',
    });
    expect(await message(table, 't')).toBe(
      'data/t/a.csv:2:2: "leave" must be a whole number, got "32,071". Write plain digits with no thousands separators: an integer column takes 2503 (or 2503.0), a number column also 2503.5 or 2.5e3. Declare the column "number" if it holds fractions, or remove the row.',
    );
    const json = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.json': '[\n  {"id": "1",\n   "created_at": "2016-07-01T00:00:00Z" "user": "a", "text": "x"}\n]',
    });
    expect(await message(json)).toBe(
      'data/tweets/a.json:3:41: This is not valid JSON: expected "," or "}" after the value of "created_at", found "user" (a comma missing between two entries?). Fix the JSON syntax at this position.',
    );
    const manifest = tempProject({ 'data/tweets/manifest.yaml': postsManifest().replace('kind: posts', 'kind: posts\nlicense: CC0') });
    expect(await message(manifest)).toBe(
      'data/tweets/manifest.yaml:4:1: It has unknown key "license". Fix the manifest (see README, "Adding a dataset").',
    );
    expect(await message(table, 'nope')).toBe(
      'There is no dataset "nope" in data/. Known datasets: "t". Create data/<dataset>/manifest.yaml, or fix the name in the frontmatter.',
    );
  });

  it('names the data folder SOUNDINGS_DATA_DIR points at, and says when it holds no dataset', async () => {
    const root = tempProject({ 'elsewhere/.keep': '' });
    await expect(loadDataset('tweets', { root, dataDir: join(root, 'elsewhere') })).rejects.toThrow(
      'There is no dataset "tweets" in elsewhere/, which holds none: is SOUNDINGS_DATA_DIR right?',
    );
  });
});

describe('loadDataset(id, options): a JSON object where text is expected', () => {
  it('says the field must be text, at its position', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.json': '[{"id": "1", "created_at": "2016-07-01T00:00:00Z", "user": "a", "text": {"full": "x"}}]',
    });
    await expect(load(root)).rejects.toThrow(
      `data/tweets/a.json:1:65: "text" must be text, but this record's value is an object with the key "full". Write the value as its column's type asks (a number, with or without quotes; text in double quotes; true or false), or fix the column's type or mapping in manifest.yaml.`,
    );
  });
});

describe('loadDataset(id, options): ids that were rounded on their way in', () => {
  it('refuses a JSON number past 2^53 and a spreadsheet-rounded id, which would merge posts as duplicates', async () => {
    const json = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.ndjson':
        '{"id":"753289326347673600","created_at":"2016-07-01T00:00:00Z","user":"a","text":"x"}\n{"id":753289326347673601,"created_at":"2016-07-01T00:00:00Z","user":"b","text":"y"}\n',
    });
    expect(await message(json)).toBe(
      'data/tweets/a.ndjson:2:2: "id" reads as 753289326347673600: a number too long to be read exactly (numbers past 9,007,199,254,740,991 are rounded as the file is read, and a spreadsheet shows them as 7.53289E+17), so two ids can become one. Write it as text: in JSON as a string ("id": "753289326347673601"; Twitter exports have id_str), and in CSV as the full digits, not re-saved from a spreadsheet.',
    );
    const sheet = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n8.00000E+17,2016-07-01T10:00:00Z,a,x\n8.00000E+17,2016-07-01T11:00:00Z,b,y\n',
    });
    expect(await message(sheet)).toMatch(/^data\/tweets\/a\.csv:2:1: "id" reads as 8\.00000E\+17: a number too long to be read exactly/);
  });

  it('reads an id without the spaces around it, so " 7" and "7" are one post', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n 7 ,2016-07-01T10:00:00Z,a,x\n7,2016-07-01T10:00:00Z,a,x (again)\n',
    });
    const dataset = (await load(root)) as PostsDataset;
    expect(dataset.rows.map((p) => p.id)).toEqual(['7']);
    expect(dataset.duplicates).toBe(1);
  });
});

describe('loadDataset(id, options): files that cannot be right', () => {
  it('refuses an empty file and a second copy of a file, and a check reports both', async () => {
    const table =
      'title: T\ndescription: D\nkind: table\nsource: S\nlicence: OGL-UK-3.0\ncollected: 2016-06-24\ncolumns:\n  area: string\n  leave: integer\n';
    const root = tempProject({
      'data/t/manifest.yaml': table,
      'data/t/results.csv': 'area,leave\nHartlepool,32071\n',
      'data/t/results (1).csv': 'area,leave\nHartlepool,32071\n',
      'data/t/z-failed.csv': '',
    });
    const copy =
      'data/t/results.csv: This file and data/t/results (1).csv have exactly the same contents, so each of their rows would be read twice (a copy such as "results (1).csv"?). Remove one of the two.';
    expect(await message(root, 't')).toBe(copy);
    expect((await checkDataset('t', { root, dataDir: join(root, 'data') })).map((e) => e.message)).toEqual([
      copy,
      'data/t/z-failed.csv: This file is empty (0 bytes): an export that failed, or a file still being copied? Export it again, or remove it.',
    ]);
  });

  it('refuses a gzip file, a zip and a workbook named as data, from their first bytes, saying what each is and what to do', async () => {
    const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest() });
    const csv = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok\n';
    const zip = (entry: string) =>
      Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000', 'latin1'), Buffer.alloc(24), Buffer.from(entry)]);
    writeFileSync(join(root, 'data', 'tweets', 'a.csv'), gzipSync(csv));
    writeFileSync(join(root, 'data', 'tweets', 'b.csv'), zip('b.csv'));
    writeFileSync(join(root, 'data', 'tweets', 'c.csv'), zip('[Content_Types].xml'));
    writeFileSync(join(root, 'data', 'tweets', 'd.tsv'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    writeFileSync(join(root, 'data', 'tweets', 'e.json'), gzipSync('[]'));
    writeFileSync(join(root, 'data', 'tweets', 'f.csv'), Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6]));
    const ARCHIVE =
      'Soundings reads data files uncompressed, as exported; keep an archive out of the dataset folder (a sub-folder is never read).';
    const WORKBOOK = 'Open it and export it as "CSV UTF-8 (Comma delimited)" (or as tab-separated text, named .tsv) in its place.';
    const gzip = (name: string) =>
      `data/tweets/${name}:1:1: This file is gzip-compressed (it starts with gzip's bytes, 1F 8B), not text, so it cannot be read as it is: decompress it (mv ${name} ${name}.gz && gunzip ${name}.gz) and drop in the file that gives. ${ARCHIVE}`;
    const expected = [
      gzip('a.csv'),
      `data/tweets/b.csv:1:1: This file is a zip archive (it starts with "PK"), not text, so it cannot be read as it is: unzip it and drop in the data file it holds in its place. ${ARCHIVE}`,
      `data/tweets/c.csv:1:1: This file is an Excel workbook (XLSX), not the text its .csv name says (a workbook renamed, or saved as the wrong type), so it cannot be read. ${WORKBOOK}`,
      `data/tweets/d.tsv:1:1: This file is an Excel 97–2003 workbook (XLS), not the text its .tsv name says (a workbook renamed, or saved as the wrong type), so it cannot be read. ${WORKBOOK}`,
      gzip('e.json'),
      `data/tweets/f.csv:1:1: This file is xz-compressed (it starts with xz's bytes, FD "7zXZ"), not text, so it cannot be read as it is: decompress it (mv f.csv f.csv.xz && unxz f.csv.xz) and drop in the file that gives. ${ARCHIVE}`,
    ];
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((e) => e.message)).toEqual(expected);
    expect(await message(root)).toBe(expected[0]);
    // The streamed statistics refuse it alike.
    await expect(streamPosts('tweets', { root, dataDir: join(root, 'data') }, () => {})).rejects.toThrow(expected[0] as string);
  });

  it('refuses a copied accounts file as a copy, before its accounts are read as duplicates', async () => {
    const accounts =
      'title: F\ndescription: D\nkind: accounts\nsource: S\nlicence: L\ncollected: 2016-09-18\nfields:\n  id: id\n  name: name\n  platform: platform\n  followers: followers\n';
    const csv = 'id,name,platform,followers\nbig,Big,twitter,629000\nsmall,Small,twitter,16500\n';
    const root = tempProject({ 'data/f/manifest.yaml': accounts, 'data/f/a.csv': csv, 'data/f/b.csv': csv });
    expect((await checkDataset('f', { root, dataDir: join(root, 'data') })).map((e) => e.message.split(': ')[1])).toEqual([
      'This file and data/f/a.csv have exactly the same contents, so each of their rows would be read twice (a copy such as "results (1).csv"?). Remove one of the two.',
    ]);
  });

  it('reads a CSV with a header and no rows, warning at its header that it has none; JSON without records, and bad rows, are not warned of', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const header = 'id,created_at,user,text\n';
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/tweets-2016-09-05.csv': `${header}1,2016-09-05T10:00:00Z,a,x\n`,
      'data/tweets/tweets-2016-09-12.csv': `${header},,,\n\n`,
      'data/tweets/tweets-2016-09-13.json': '[]',
    });
    const quiet =
      "data/tweets/tweets-2016-09-12.csv:1: This file has a header but no rows: a quiet week's export, or one whose query matched nothing by mistake (a wrong date range, a misspelt term)? If nothing was posted in its period, keep it; otherwise check the export's query and export it again.";
    try {
      expect(((await load(root)) as PostsDataset).files.map((f) => [f.path, f.rows])).toEqual([
        ['data/tweets/tweets-2016-09-05.csv', 1],
        ['data/tweets/tweets-2016-09-12.csv', 0],
        ['data/tweets/tweets-2016-09-13.json', 0],
      ]);
      expect(warn.mock.calls).toEqual([[quiet]]);
      warn.mockClear();
      // A check says so too, and it is no problem; a file whose rows are all bad has rows, and says what is wrong with them.
      writeFileSync(join(root, 'data', 'tweets', 'tweets-2016-09-14.tsv'), 'id\tcreated_at\tuser\ttext\n2\tnever\tb\tx\n');
      expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((e) => e.message.split(': ')[0])).toEqual([
        'data/tweets/tweets-2016-09-14.tsv:2:2',
      ]);
      expect(warn.mock.calls).toEqual([[quiet]]);
    } finally {
      warn.mockRestore();
    }
  });

  it('reads two identical files without rows (two empty result pages)', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/week-02.json': '[]',
      'data/tweets/week-03.json': '[]',
    });
    expect(((await load(root)) as PostsDataset).files.map((f) => [f.path, f.rows])).toEqual([
      ['data/tweets/week-02.json', 0],
      ['data/tweets/week-03.json', 0],
    ]);
  });
});

describe('loadDataset(id, options): text encodings', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  it('refuses a file that is not UTF-8 at its first such line (CSV, CR-only CSV, NDJSON, JSON)', async () => {
    const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest() });
    const at = async (name: string, bytes: Buffer) => {
      writeFileSync(join(root, 'data', 'tweets', name), bytes);
      const [problem] = await checkDataset('tweets', { root, dataDir: join(root, 'data') });
      rmSync(join(root, 'data', 'tweets', name));
      return problem?.message.replace(/ \(is the file.*$/, '');
    };
    const rows = ['id,created_at,user,text', '1,2016-07-01T10:00:00Z,a,ok', '2,2016-07-01T10:00:00Z,José,#España'];
    expect(await at('a.csv', latin1(`${rows.join('\n')}\n`))).toBe('data/tweets/a.csv:3: This line has bytes that are not UTF-8');
    expect(await at('a.csv', latin1(rows.join('\r')))).toBe('data/tweets/a.csv:3: This line has bytes that are not UTF-8');
    const record = (id: number, user: string) => `{"id":"${id}","created_at":"2016-07-01T10:00:00Z","user":"${user}","text":"x"}`;
    expect(await at('a.ndjson', latin1(`${record(1, 'a')}\n\n${record(2, 'José')}\n`))).toBe(
      'data/tweets/a.ndjson:3: This line has bytes that are not UTF-8',
    );
    expect(await at('a.json', latin1(`[\n${record(1, 'José')}\n]`))).toBe('data/tweets/a.json:2: This line has bytes that are not UTF-8');
  });

  it('says that the lines after bytes that are not UTF-8 were not read, and tells a file cut inside a character from one in Latin-1', async () => {
    const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest() });
    const problems = async (bytes: Buffer) => {
      writeFileSync(join(root, 'data', 'tweets', 'a.csv'), bytes);
      return (await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((p) => p.message);
    };
    const rows = [
      'id,created_at,user,text',
      '1,2016-07-01T10:00:00Z,a,ok',
      '2,2016-07-01T10:00:00Z,José,#España',
      '3,2016-07-01T10:00:00Z,b,ok',
    ];
    expect(await problems(latin1(rows.join('\n')))).toEqual([
      expect.stringContaining('. The lines after it were not read or checked. Save the file as UTF-8'),
    ]);
    // UTF-8 up to its last bytes, which begin an emoji (F0 9F 98 80) that never ends: an export cut short.
    const cut = Buffer.concat([
      Buffer.from(`${rows.slice(0, 2).join('\n')}\n2,2016-07-01T10:00:00Z,b,#España `),
      Buffer.from([0xf0, 0x9f, 0x98]),
    ]);
    expect(await problems(cut)).toEqual([
      'data/tweets/a.csv:3: The file ends inside a character: its last bytes begin a UTF-8 character (an accented letter, an emoji) that never ends, after a file that is UTF-8 up to there. Was it cut short: an export that failed, or a file still being copied? Export or copy the file again, whole.',
    ]);
    // A last byte that can begin no character is not UTF-8, whatever came before.
    expect(await problems(Buffer.concat([Buffer.from(`${rows.slice(0, 2).join('\n')}\n`), Buffer.from([0xff])]))).toEqual([
      expect.stringMatching(/^data\/tweets\/a\.csv:3: This line has bytes that are not UTF-8/),
    ]);
  });

  it('reads CSV in UTF-16LE with its byte order mark, and refuses any other UTF-16 from its first bytes, saying which it is', async () => {
    const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest() });
    const at = async (name: string, bytes: Buffer) => {
      writeFileSync(join(root, 'data', 'tweets', name), bytes);
      const problems = await checkDataset('tweets', { root, dataDir: join(root, 'data') });
      rmSync(join(root, 'data', 'tweets', name));
      return problems.map((e) => e.message);
    };
    const csv = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok\n2,2016-07-01T10:00:00Z,José,#España\n';
    const le = (text: string) => Buffer.from(text, 'utf16le');
    const be = (text: string) => le(text).swap16();
    const HINT = 'In Excel, save as "CSV UTF-8 (Comma delimited)"; in a text editor, save with the encoding "UTF-8".';
    const CSV_READ = 'CSV and TSV files are read as UTF-8, or as UTF-16 little-endian with its byte order mark (Excel\'s "Unicode Text")';
    expect(await at('a.csv', le(`\uFEFF${csv}`))).toEqual([]);
    expect(await at('a.csv', be(`\uFEFF${csv}`))).toEqual([
      `data/tweets/a.csv:1:1: This file is UTF-16 big-endian (its first bytes say so), which Soundings does not read: ${CSV_READ}. Save it as UTF-8 (iconv -f UTF-16 -t UTF-8 a.csv > utf8-a.csv, then put that in its place). ${HINT}`,
    ]);
    expect(await at('a.csv', be(csv))).toEqual([
      `data/tweets/a.csv:1:1: This file is UTF-16 big-endian without a byte order mark (its first bytes say so), which Soundings does not read: ${CSV_READ}. Save it as UTF-8 (iconv -f UTF-16BE -t UTF-8 a.csv > utf8-a.csv, then put that in its place). ${HINT}`,
    ]);
    expect(await at('a.tsv', le(csv.replaceAll(',', '\t')))).toEqual([
      `data/tweets/a.tsv:1:1: This file is UTF-16 little-endian without a byte order mark (its first bytes say so), which Soundings does not read: ${CSV_READ}. Save it as UTF-8 (iconv -f UTF-16LE -t UTF-8 a.tsv > utf8-a.tsv, then put that in its place). ${HINT}`,
    ]);
    const record = '{"id":"1","created_at":"2016-07-01T10:00:00Z","user":"a","text":"x"}\n';
    expect(await at('a.ndjson', le(`\uFEFF${record}`))).toEqual([
      `data/tweets/a.ndjson:1:1: This file is UTF-16 little-endian (its first bytes say so), which Soundings does not read: JSON and NDJSON files are read as UTF-8 only. Save it as UTF-8 (iconv -f UTF-16 -t UTF-8 a.ndjson > utf8-a.ndjson, then put that in its place). ${HINT}`,
    ]);
  });

  it("reads UTF-8 whose characters straddle the reader's chunks, and JSON and NDJSON after a byte order mark", async () => {
    // The reader takes 1 MiB at a time: the "é" starts on its last byte, the emoji on the second chunk's last three.
    const prefix = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,José,"';
    const first = 'x'.repeat((1 << 20) - 1 - Buffer.byteLength(prefix));
    const text = `${first}é ${'y'.repeat((1 << 20) - 5)}🎉 #España`;
    expect(Buffer.byteLength(`${prefix}${first}`)).toBe((1 << 20) - 1);
    expect(Buffer.byteLength(`${prefix}${text.slice(0, text.indexOf('🎉'))}`)).toBe(2 * (1 << 20) - 3);
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${prefix}${text}"\n`,
      'data/tweets/b.json': `\uFEFF[{"id":"2","created_at":"2016-07-01T10:00:00Z","user":"b","text":"x"}]`,
      'data/tweets/c.ndjson': `\uFEFF{"id":"3","created_at":"2016-07-01T10:00:00Z","user":"c","text":"x"}\n`,
    });
    const dataset = (await load(root)) as PostsDataset;
    expect(dataset.rows.map((p) => [p.id, p.author])).toEqual([
      ['1', 'José'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
    expect(dataset.rows[0]?.text).toBe(text);
    expect(dataset.rows[0]?.hashtags).toEqual(['España']);
    // A JSON file large enough to be streamed keeps its mark too.
    const streamed = (await loadDataset('tweets', { root, dataDir: join(root, 'data'), wholeJsonLimit: 0 })) as PostsDataset;
    expect(streamed.rows.map((p) => p.id)).toEqual(['1', '2', '3']);
  });
});

describe('loadDataset(id, options): files the manifest does not read', () => {
  it('refuses a file that looks like data but that the "files" pattern misses, and places "no file matches" at the pattern', async () => {
    const manifest = postsManifest('files: "tweets-*.csv"\n');
    const row = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n';
    const root = tempProject({
      'data/tweets/manifest.yaml': manifest,
      'data/tweets/tweets-2016-10.csv': row,
      'data/tweets/Tweets-2016-11.csv': row.replace('1,', '2,'),
      'data/tweets/tweets-2016-12.CSV': row.replace('1,', '3,'),
      'data/tweets/notes.txt': 'not data',
      'data/tweets/raw/old.csv': row,
    });
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((e) => e.message)).toEqual(
      ['Tweets-2016-11.csv', 'tweets-2016-12.CSV'].map(
        (name) =>
          `data/tweets/${name}: This file looks like data, but the manifest's "files" pattern "tweets-*.csv" does not match it (names are case-sensitive), so its rows would be left out. Rename it to match, widen "files" in manifest.yaml, or move it out of the folder (a sub-folder is never read).`,
      ),
    );
    rmSync(join(root, 'data', 'tweets', 'tweets-2016-10.csv'));
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') }))[0]?.message).toMatch(
      /^data\/tweets\/manifest\.yaml:14:1: No data file matches "tweets-\*\.csv"\./,
    );
  });
});

describe('loadDataset(id, options): Excel outputs the manifest does not read', () => {
  it('refuses a tab-separated or UTF-16 .txt and a spreadsheet workbook beside the data, saying what to do; documentation and notes stay', async () => {
    const row = 'id,created_at,user,text\n1,2016-09-15T10:00:00Z,a,x\n';
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest('files: "tweets-*.csv"\n'),
      'data/tweets/tweets-2016-09-25.csv': row,
      'data/tweets/tweets-2016-09-27.xlsx': 'PK\u0003\u0004 (a zip)',
      'data/tweets/tweets-2016-09-28.ods': 'PK\u0003\u0004 (a zip)',
      'data/tweets/tweets-2016-09-29.xls': 'not read',
      'data/tweets/tweets-2016-09-30.txt': 'id\tcreated_at\tuser\ttext\n5\t2016-09-16T10:00:00Z\te\tx\n',
      // Commas do not make a table of a .txt: notes in prose have them too.
      'data/tweets/commas.txt': 'id,created_at,user,text\n6,2016-09-16T10:00:00Z,f,x\n',
      'data/tweets/README.md': 'About the data.',
      'data/tweets/LICENSE': 'CC0',
      'data/tweets/LICENSE.txt': 'CC0\tlicence',
      'data/tweets/notes.md': '| a | b |',
      'data/tweets/notes.txt': 'Exported on Monday, by Ann, from the tool.\nSecond line, with commas, too.\n',
    });
    // Excel's "Unicode Text": UTF-16LE with a byte order mark, tab-separated.
    writeFileSync(
      join(root, 'data', 'tweets', 'tweets-2016-09-26.txt'),
      Buffer.from('\uFEFFid\tcreated_at\tuser\ttext\r\n2\t2016-09-16T10:00:00Z\tb\tx\r\n', 'utf16le'),
    );
    const text = (name: string) =>
      `data/tweets/${name}: This .txt file looks like a table (tab-separated, or UTF-16 as Excel saves "Unicode Text"), but the manifest's "files" pattern "tweets-*.csv" does not match it, and .txt is not a format Soundings reads, so its rows would be left out. If it is data, rename it to a .tsv name that "files" matches (UTF-16 is read as it is); if not, move it into a sub-folder, which is never read.`;
    const workbook = (name: string, extension: string) =>
      `data/tweets/${name}: This is a spreadsheet workbook (${extension}), which Soundings does not read, so its rows would be left out. Open it and save it as "CSV UTF-8 (Comma delimited)" (or as tab-separated text, named .tsv) under a name the manifest's "files" pattern matches; then move the workbook into a sub-folder, which is never read, or remove it.`;
    const expected = [
      text('tweets-2016-09-26.txt'),
      workbook('tweets-2016-09-27.xlsx', '.xlsx'),
      workbook('tweets-2016-09-28.ods', '.ods'),
      workbook('tweets-2016-09-29.xls', '.xls'),
      text('tweets-2016-09-30.txt'),
    ];
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((e) => e.message)).toEqual(expected);
    // A build says so too, at the first.
    expect(await message(root)).toBe(expected[0]);
    // A workbook the pattern matches is refused the same way, rather than as a format without a name.
    const matched = tempProject({
      'data/tweets/manifest.yaml': postsManifest('files: "tweets-*"\n'),
      'data/tweets/tweets-2016-09-25.csv': row,
      'data/tweets/tweets-2016-09-27.XLSX': 'PK',
    });
    expect(await message(matched)).toBe(workbook('tweets-2016-09-27.XLSX', '.XLSX'));
  });
});

describe('loadDataset(id, options): a CSV with another separator', () => {
  it('asks whether the file is separated by ";" when its header is one column holding them, none of them mapped', async () => {
    // A one-column table whose name holds "|" is fine: the question is asked only when a column is missing.
    const table = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: OGL-UK-3.0\ncollected: 2016-06-24\ncolumns:\n  "Leave|Remain": string\n',
      'data/t/a.csv': 'Leave|Remain\nLeave\n',
    });
    expect(((await load(table, 't')) as TableDataset).rows).toEqual([{ 'Leave|Remain': 'Leave' }]);
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'Id;Date;Who;Body\n1;2016-07-01T10:00:00Z;a;x\n',
    });
    expect(await message(root)).toBe(
      'data/tweets/a.csv:1:1: The header is one column, "Id;Date;Who;Body": is the file separated by ";"? A .csv file is read with commas, a .tsv file with tabs, unless the manifest says otherwise. Say so in manifest.yaml: delimiter: ";" (or "|", or "\\t" for tabs); or export it again with commas (in Excel: "CSV UTF-8 (Comma delimited)").',
    );
  });

  it('refuses a CSV layout on a JSON file the pattern matches, rather than ignore it', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest().replace(/^files: .*$/m, 'files: "*"')}headerLine: 2\n`,
      'data/tweets/a.json': '[{"id":"1","created_at":"2016-07-01T10:00:00Z","user":"a","text":"x"}]',
    });
    expect(await message(root)).toMatch(/"headerLine" is for CSV and TSV files, but data\/tweets\/a\.json is JSON/);
  });

  it("says the file looks separated by another delimiter than the manifest's, when its header splits at it into mapped columns", async () => {
    const HINT =
      'A dataset\'s files share one delimiter: if every file is separated so, say it in manifest.yaml (delimiter: ";", "|" or "\\t" for tabs; leave it out for commas in .csv files, tabs in .tsv files); if only this one is, export it again as the others are, or keep it in a dataset of its own.';
    // A comma-separated export, title block and all, in a dataset whose manifest says ";": read as one column, its
    // header was said to lack "id" (suggesting headerLine).
    const commas = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}delimiter: ";"\nheaderLine: 3\n`,
      'data/tweets/a.csv': 'Mentions export,,,\n,,,\nid,created_at,user,post text\n1,2016-07-01T10:00:00Z,a,x\n',
    });
    expect(await message(commas)).toBe(
      `data/tweets/a.csv:3:1: This file looks comma-separated; the manifest says delimiter: ";". So its header was read as one column, "id,created_at,user,post text", which splits at each "," into names that include the mapped columns "id", "created_at", "user". ${HINT}`,
    );
    const semicolons = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}delimiter: "|"\n`,
      'data/tweets/a.csv': 'id;created_at;user;text\n1;2016-07-01T10:00:00Z;a;x\n',
    });
    expect(await message(semicolons)).toBe(
      `data/tweets/a.csv:1:1: This file looks semicolon-separated; the manifest says delimiter: "|". So its header was read as one column, "id;created_at;user;text", which splits at each ";" into names that include the mapped columns "id", "created_at", "user", "text". ${HINT}`,
    );
    // Without a delimiter, the extension's is named.
    const tabs = tempProject({
      'data/tweets/manifest.yaml': postsManifest().replace(/^files: .*$/m, 'files: "*.tsv"'),
      'data/tweets/a.tsv': 'id;created_at;user;text\n1;2016-07-01T10:00:00Z;a;x\n',
    });
    expect(await message(tabs)).toBe(
      `data/tweets/a.tsv:1:1: This file looks semicolon-separated; a .tsv file is read with tabs, as the manifest names no delimiter. So its header was read as one column, "id;created_at;user;text", which splits at each ";" into names that include the mapped columns "id", "created_at", "user", "text". ${HINT}`,
    );
  });

  it("reads it with the manifest's delimiter, below a title block when headerLine says where the header is", async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}delimiter: ";"\nheaderLine: 4\n`,
      'data/tweets/a.csv':
        'Report:;Tram campaign mentions\nFilters:;"#SaveTheTram; #FixOurBuses"\n\nid;created_at;user;text\n1;2016-07-01T10:00:00Z;a;"x; y"\n;;;\n2;2016-07-02T10:00:00Z;b;z\n;;;\n',
    });
    const ds = (await load(root)) as PostsDataset;
    expect(ds.rows.map((p) => [p.id, p.text])).toEqual([
      ['1', 'x; y'],
      ['2', 'z'],
    ]);
    // Lines are still counted from the top of the file.
    const bad = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}delimiter: ";"\nheaderLine: 4\n`,
      'data/tweets/a.csv': 'Report:;Trams\n\n\nid;created_at;user;text\n1;2016-07-01T10:00:00Z;a;x\n2;1 July;b;y\n',
    });
    expect(await message(bad)).toMatch(/^data\/tweets\/a\.csv:6:2: "created_at" must be an ISO date-time/);
  });

  it("passes over a title block's quotes, CRLF or not, refuses a headerLine past the file's end, and locates the header where it is", async () => {
    for (const eol of ['\n', '\r\n']) {
      const root = tempProject({
        'data/tweets/manifest.yaml': `${postsManifest()}delimiter: ";"\nheaderLine: 3\n`,
        'data/tweets/a.csv': [
          'Query: "keep red" OR #KeepRed;;;',
          'Search: "unclosed',
          '',
          'id;created_at;user;text',
          '1;2016-07-01T10:00:00Z;a;x',
          '2;1 July;b;y',
          '',
        ].join(eol),
      });
      expect(await message(root), JSON.stringify(eol)).toMatch(/^data\/tweets\/a\.csv:6:2: "created_at" must be/);
    }
    const short = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 30\n`,
      'data/tweets/a.csv': 'Report\nid,created_at,user,text\n',
    });
    expect(await message(short)).toBe(
      "data/tweets/a.csv:2: The manifest's headerLine is 30, but this file has 2 lines, so it has no header and no rows. Set headerLine to the line the column names are on, or leave it out when they are on the first line.",
    );
    const lower = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 2\n`,
      'data/tweets/a.csv': 'Report\n\nTitle,more\nid,created_at,user,text\n',
    });
    expect(await message(lower)).toMatch(/^data\/tweets\/a\.csv:3:1: .* None of the mapped columns is there: .*\(headerLine is 2 now\)\./);
  });

  it('locates a quote error in the header row at its line, and refuses a UTF-16 file shorter than headerLine', async () => {
    const quoted = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,crea"ted_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n',
    });
    expect(await message(quoted)).toMatch(/^data\/tweets\/a\.csv:1:2: /);
    const below = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 2\n`,
      'data/tweets/a.csv': 'Report\nid,crea"ted_at,user,text\n',
    });
    expect(await message(below)).toMatch(/^data\/tweets\/a\.csv:2:2: /);
    const utf16 = tempProject({ 'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 5\n`, 'data/tweets/a.csv': '' });
    writeFileSync(
      join(utf16, 'data/tweets/a.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Report\r\nid,created_at,user,text\r\n', 'utf16le')]),
    );
    expect(await message(utf16)).toMatch(/^data\/tweets\/a\.csv:\d+: The manifest's headerLine is 5, but this file has 2 lines/);
    // A UTF-16 file's title block is passed over too, a quote in it included, and lines counted from the top.
    const titled = tempProject({ 'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 3\n`, 'data/tweets/a.csv': '' });
    const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    writeFileSync(
      join(titled, 'data/tweets/a.csv'),
      utf16le(
        'Query: "keep red" OR #KeepRed\r\nSearch: "unclosed\r\nid,created_at,user,text\r\n1,2016-07-01T10:00:00Z,a,#Red\r\n2,1 July,b,x\r\n',
      ),
    );
    expect(await message(titled)).toMatch(/^data\/tweets\/a\.csv:5:2: "created_at" must be/);
    // A CRLF ending the title block cut by the reader's 1 MiB chunks: its LF is not read as a blank first line.
    const split = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 2\n`,
      'data/tweets/a.csv': `${'x'.repeat(2 ** 20 - 1)}\r\nid,created_at,user,text\n1,1 July,a,x\n`,
    });
    expect(await message(split)).toMatch(/^data\/tweets\/a\.csv:3:2: "created_at" must be/);
  });

  it('says where the header was expected and what it found there when headerLine is below it (a file without a title block)', async () => {
    // This week's export came without the tool's title block that last week's had: headerLine: 3 reads a row.
    const root = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 3\n`,
      'data/tweets/a.csv': 'Report: trams\nQuery: #Red\nid,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n',
      'data/tweets/b.csv': 'id,created_at,user,text\n2,2016-07-02T10:00:00Z,b,y\n3,2016-07-03T10:00:00Z,c,z\n',
    });
    const expected =
      'data/tweets/b.csv:3:1: The manifest\'s headerLine is 3 (data/tweets/manifest.yaml:14:1), so the header was expected on line 3, but that line holds "3", "2016-07-03T10:00:00Z", "c", "z", none of them a mapped column; the column names "id", "created_at", "user", "text" are on line 1, the first: this file has no title block above its header. ' +
      'headerLine applies to every file the "files" pattern matches: set it to the line the column names are on (leave it out when that is the first line), or, when some files have a title block and others none, export them alike or keep them in separate datasets.';
    expect(await message(root)).toBe(expected);
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((e) => e.message)).toEqual([expected]);
    // A shorter title block than headerLine says, quoted column names (the tab-separated file too): its length said.
    const shorter = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}headerLine: 4\n`,
      'data/tweets/a.tsv':
        'Report: trams\n"id"\t"created_at"\t"user"\t"text"\n1\t2016-07-01T10:00:00Z\ta\tx\n2\t2016-07-02T10:00:00Z\tb\ty\n',
    });
    expect(await message(shorter)).toContain(
      'but that line holds "2", "2016-07-02T10:00:00Z", "b", "y", none of them a mapped column; the column names "id", "created_at", "user", "text" are on line 2: this file\'s title block is 1 line.',
    );
  });

  it('asks for headerLine when none of the mapped columns is in the first line', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'Report:,Tram campaign mentions\n\nid,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n',
    });
    expect(await message(root)).toBe(
      'data/tweets/a.csv:1:1: The manifest maps "id" to column "id" (data/tweets/manifest.yaml:10:3), which this file does not have. Its columns are "Report:", "Tram campaign mentions". None of the mapped columns is there: if the header is further down (a title block above it), give its line in manifest.yaml, e.g. headerLine: 7. Rename the column in the file, or fix the mapping under "fields" or "columns" in manifest.yaml.',
    );
  });
});

describe('loadDataset(id, options): one id for two posts', () => {
  it('refuses ids read again for other posts (an export numbering its rows), counting them, rather than dropping the posts', async () => {
    const month = (m: number, n: number) =>
      `id,created_at,user,text\n${Array.from({ length: n }, (_, i) => `${i + 1},2016-0${m}-0${1 + (i % 9)}T10:00:00Z,u${m}${i},#Red`).join('\n')}\n`;
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': month(7, 5),
      'data/tweets/b.csv': month(8, 3),
    });
    const expected =
      'data/tweets/b.csv:2:1: The id "1" and 2 more in this file were already read for a post at another time (first read at data/tweets/a.csv:2, for a post at 2016-07-01T10:00:00Z; this one is at 2016-08-01T10:00:00Z), so these posts would be dropped as duplicates. Ids must name one post each: does this export number its rows (1, 2, 3… in each file) instead of giving the platform\'s post ids? Map "id" to the column that holds the platform\'s post id, or make the ids unique.';
    expect(await message(root)).toBe(expected);
    // A check, which holds no post (so no row to say which file an id was first read in), says the same.
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((p) => p.message)).toEqual([expected]);
    // The streamed path, which keeps no line per id, says the same.
    const { streamPosts } = await import('../../src/data/streamPosts.ts');
    await expect(streamPosts('tweets', { root, dataDir: join(root, 'data') }, () => {})).rejects.toThrow(expected);
  });

  it("locates an id reused within one file at its second row, naming the first row's line, loaded or streamed", async () => {
    // The second copy of L00048 is a same-time duplicate (counted once), the third another post.
    const rows = [
      'L00047,2016-08-01T10:00:00Z,a,x',
      'L00048,2016-08-01T11:00:00Z,b,y',
      'L00049,2016-08-01T12:00:00Z,c,z',
      'L00048,2016-08-01T11:00:00Z,b,y',
      'L00050,2016-08-01T13:00:00Z,d,w',
      'L00048,2016-08-02T09:00:00Z,e,v',
    ];
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/report-2026-03-a.csv': `id,created_at,user,text\n${rows.join('\n')}\n`,
    });
    const expected =
      'data/tweets/report-2026-03-a.csv:7:1: The id "L00048" was already read for a post at another time (first read at line 3 of this file, for a post at 2016-08-01T11:00:00Z; this one is at 2016-08-02T09:00:00Z), so these posts would be dropped as duplicates.';
    expect((await message(root)).slice(0, expected.length)).toBe(expected);
    const problems = await checkDataset('tweets', { root, dataDir: join(root, 'data') });
    expect(problems.map((p) => p.message.slice(0, expected.length))).toEqual([expected]);
    const { streamPosts } = await import('../../src/data/streamPosts.ts');
    await expect(streamPosts('tweets', { root, dataDir: join(root, 'data') }, () => {})).rejects.toThrow(expected);
  });

  it('locates a reused id of a social export at the id in its record', async () => {
    const tweet = (id: string, time: string) => JSON.stringify({ id_str: id, created_at: time, user: { screen_name: 'ann' }, text: 'x' });
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      'data/x/a.ndjson': `${tweet('11', 'Mon Jul 01 10:00:00 +0000 2024')}\n${tweet('12', 'Mon Jul 01 11:00:00 +0000 2024')}\n`,
      'data/x/b.ndjson': `${tweet('13', 'Tue Jul 02 10:00:00 +0000 2024')}\n${tweet('12', 'Tue Jul 02 11:00:00 +0000 2024')}\n`,
    });
    expect(await message(root, 'x')).toMatch(
      /^data\/x\/b\.ndjson:2:2: The id "12" was already read for a post at another time \(first read at data\/x\/a\.ndjson:2, for a post at 2024-07-01T11:00:00Z; this one is at 2024-07-02T11:00:00Z\)/,
    );
  });

  it('takes one post exported in milliseconds and in whole seconds as a duplicate', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n748668214966480896,2016-07-01T00:03:06.901Z,ann,#Red\n',
      'data/tweets/b.csv': 'id,created_at,user,text\n748668214966480896,2016-07-01T00:03:07Z,ann,#Red\n',
    });
    const dataset = (await loadDataset('tweets', { root, dataDir: join(root, 'data') })) as PostsDataset;
    expect(dataset.rows.length).toBe(1);
    expect(dataset.duplicates).toBe(1);
  });
});

describe('loadDataset(id, options): posts dated after their collection', () => {
  it('refuses a post dated after the manifest\'s "collected" day (with a day\'s grace), pointing at both', async () => {
    // postsManifest: collected 2016-09-18.
    const at = (time: string) =>
      tempProject({
        'data/tweets/manifest.yaml': postsManifest(),
        'data/tweets/a.csv': `id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n2,${time},b,y\n`,
      });
    expect(((await load(at('2016-09-19T23:59:59Z'))) as PostsDataset).rows).toHaveLength(2);
    expect(await message(at('2036-09-01T10:00:00Z'))).toBe(
      'data/tweets/a.csv:3:2: "created_at" is 2036-09-01T10:00:00Z, after the day the manifest says the data was collected (collected: 2016-09-18, data/tweets/manifest.yaml:6:1): a mistyped date, or an export dropped in without updating "collected"? Fix the date, or set "collected" in manifest.yaml to the day this export was made.',
    );
    expect(await message(at('2016-09-20T00:00:00Z'))).toMatch(/^data\/tweets\/a\.csv:3:2: "created_at" is 2016-09-20T00:00:00Z, after/);
  });
});

describe('loadDataset(id, options): posts dated before 1990', () => {
  it('refuses a post dated at the Unix epoch or in year 1, a missing time, at the post, in a build, a check and a stream', async () => {
    const at = (time: string) =>
      tempProject({
        'data/tweets/manifest.yaml': postsManifest(),
        'data/tweets/a.csv': `id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,x\n2,${time},b,y\n`,
      });
    const tooEarly = (got: string) =>
      `data/tweets/a.csv:3:2: "created_at" is ${got}, before 1990-01-01, the earliest day a post may have: 1970-01-01 (the Unix epoch, a time of 0) and 0001-01-01 are how a missing time is written, and one post that early would stretch the weekly series, its chart and its table over decades. Fix the time from the platform (export the post again), or remove the row: a post without its time cannot be placed in a week.`;
    expect(await message(at('1970-01-01T00:00:00Z'))).toBe(tooEarly('1970-01-01T00:00:00Z'));
    expect(await message(at('0001-01-01T00:00:00Z'))).toBe(tooEarly('0001-01-01T00:00:00Z'));
    const epoch = at('1970-01-01T00:00:00Z');
    expect((await checkDataset('tweets', { root: epoch, dataDir: join(epoch, 'data') })).map((e) => e.message)).toEqual([
      tooEarly('1970-01-01T00:00:00Z'),
    ]);
    await expect(streamPosts('tweets', { root: epoch, dataDir: join(epoch, 'data') }, () => {})).rejects.toThrow(
      tooEarly('1970-01-01T00:00:00Z'),
    );
    // A time in the manifest's format, as the export writes it: epoch seconds of 0.
    const seconds = tempProject({
      'data/tweets/manifest.yaml': postsManifest().replace('  time: created_at', '  time: { column: created_at, format: "%s" }'),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,1467367200,a,x\n2,0,b,y\n',
    });
    expect(await message(seconds)).toBe(tooEarly('0'));
    expect(((await load(at('1990-01-01T00:00:00Z'))) as PostsDataset).rows).toHaveLength(2);
  });
});

describe('loadDataset(id, options): spaces around CSV fields', () => {
  it('reads a field without the spaces around it, so " ann" and "ann" are one author', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv':
        'id, created_at, user, text\n1, 2016-07-01T10:00:00Z, ann, #Red now \n2,2016-07-02T10:00:00Z,ann,"  quoted keeps its spaces "\n',
    });
    const dataset = (await load(root)) as PostsDataset;
    expect(dataset.rows.map((p) => [p.author, p.text])).toEqual([
      ['ann', '#Red now'],
      ['ann', '  quoted keeps its spaces '],
    ]);
  });
});

describe('a manifest format', async () => {
  it('refuses a social export whose file is not JSON, saying which files it reads', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('mastodon').replace(/^files: .*$/m, 'files: "*.csv"'),
      'data/x/statuses.csv': 'id\n1\n',
    });
    expect((await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message)).toEqual([
      'data/x/statuses.csv: data/x/statuses.csv is not JSON: a "mastodon" export is read from .json, .ndjson or .jsonl files. Keep the export as the platform gave it, with its JSON extension; or, for a CSV a tool made from it, leave "format" out and map its columns under "fields".',
    ]);
  });
});

describe('loadDataset(id, options): a file cut short, whose last line has no line end', () => {
  const HEAD = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok\n';
  const ASK =
    "This is the file's last line, and it has no line end: was the file cut short (an export or download that stopped, or a file still being copied)?";
  const DO =
    'If the file was cut short, export or download it again (or wait for the copy to finish); if not, end its last line with a line end.';
  const ROW = 'Check the quoting and the number of separators on this line.';
  /**
   * The problems a check of dataset `id` reports, once the build (loadDataset) and the streamed statistics
   * (streamPosts) are seen to stop at the first of them, saying the same.
   */
  const problems = async (files: Record<string, string | Buffer>, id = 'tweets'): Promise<string[]> => {
    const root = tempProject({});
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const options = { root, dataDir: join(root, 'data') };
    const checked = (await checkDataset(id, options)).map((e) => e.message);
    await expect(loadDataset(id, options)).rejects.toThrow(checked[0] as string);
    if (id === 'tweets') await expect(streamPosts(id, options, () => {})).rejects.toThrow(checked[0] as string);
    return checked;
  };
  const posts = (name: string, content: string | Buffer, extra = '') => ({
    'data/tweets/manifest.yaml': postsManifest(extra),
    [`data/tweets/${name}`]: content,
  });

  it('says so at a CSV row cut short: too few fields, or an empty field', async () => {
    expect(await problems(posts('a.csv', `${HEAD}2,2016-07-01T10:00:00Z,b`))).toEqual([
      `data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. ${ASK} ${ROW} ${DO}`,
    ]);
    // Cut after the separator before the last field, which is empty.
    expect(await problems(posts('a.csv', 'id,created_at,text,user\n1,2016-07-01T10:00:00Z,ok,a\n2,2016-07-01T10:00:00Z,hi,'))).toEqual([
      `data/tweets/a.csv:3:4: "user" is empty. ${ASK} Fill it in or remove the row. ${DO}`,
    ]);
  });

  it('says so at a CSV row cut in the middle of a date', async () => {
    const csv = 'id,user,text,created_at\n1,a,ok,2016-07-01T10:00:00Z\n2,b,hi,2016-07-1';
    expect(await problems(posts('a.csv', csv))).toEqual([
      `data/tweets/a.csv:3:4: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z), got "2016-07-1". If the export writes every time so, say so where the manifest maps "time" (data/tweets/manifest.yaml:11:3), and it reads them all as they are: time: { column: created_at, format: "…" } (a d3-time-format specifier, such as "%d/%m/%Y %H:%M"), adding zone: Europe/London (say) unless they are UTC; see README, "Adding a dataset". ${ASK} Fix or remove the row. ${DO}`,
    ]);
  });

  it('says so at a CSV file cut inside a quoted field, and at a row whose quoted field ran over line ends before the cut', async () => {
    const QUOTE_HINT =
      'If the file is still being copied or written, wait for it to finish (or export it again) and check again; if it is whole, close the quote, or take out a stray one (a quote inside a quoted field must be doubled: "").';
    expect(await problems(posts('a.csv', `${HEAD}2,2016-07-01T10:00:00Z,b,"a tweet cut in the mid`))).toEqual([
      `data/tweets/a.csv:3: A quoted field is opened on this line but never closed: the file ends inside it, as a file cut short does (an export that failed, or a file still being copied?). This is the file's last line, and it has no line end, as in a file cut short. ${QUOTE_HINT}`,
    ]);
    // The row starts on line 3; the file's last line, with no line end, is line 4.
    expect(await problems(posts('a.csv', `${HEAD}2,2016-07-01T10:00:00Z,b,"a tweet\nwith a line brea`))).toEqual([
      `data/tweets/a.csv:3: A quoted field is opened on this line but never closed, so line 4, to the end of the file, was read as part of it and not checked: a stray quote, or a file cut short (an export that failed, or a file still being copied?). This row runs on to the file's last line, line 4, which has no line end, as in a file cut short. ${QUOTE_HINT}`,
    ]);
    expect(await problems(posts('a.csv', `${HEAD}2,2016-07-01T10:00:00Z,"b\nc"`))).toEqual([
      `data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. The quote opened on line 3 runs on to line 4: line 4 was read as part of one field (a stray quote on line 3?). This row runs on to the file's last line, line 4, which has no line end: was the file cut short (an export or download that stopped, or a file still being copied)? ${ROW} ${DO}`,
    ]);
  });

  it('counts lines as the readers do: CRLF, UTF-16 (Excel\'s "Unicode Text"), and a title block above headerLine with a quote of its own', async () => {
    const crlf = `${HEAD.replaceAll('\n', '\r\n')}2,2016-07-01T10:00:00Z,b`;
    expect(await problems(posts('a.csv', crlf))).toEqual([
      `data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. ${ASK} ${ROW} ${DO}`,
    ]);
    expect(await problems(posts('a.csv', Buffer.from(`\ufeff${crlf}`, 'utf16le')))).toEqual([
      `data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. ${ASK} ${ROW} ${DO}`,
    ]);
    // The title line's quote is not CSV (csv-parse never sees it): line 5 still starts a row.
    const titled = `Query: "keep red\nExported 2016-07-02\n${HEAD}2,2016-07-01T10:00:00Z,b`;
    expect(await problems(posts('a.csv', titled, 'headerLine: 3\n'))).toEqual([
      `data/tweets/a.csv:5:4: This row has 3 fields, but the header has 4. ${ASK} ${ROW} ${DO}`,
    ]);
  });

  it('says so at an NDJSON line cut in the middle of a record, which says already that the line was cut short', async () => {
    const record = '{"id":"1","created_at":"2016-07-01T10:00:00Z","user":"a","text":"x"}';
    expect(await problems(posts('a.ndjson', `${record}\n{"id":"2","created_at":"2016-07-01T10:00:00Z","us`))).toEqual([
      `data/tweets/a.ndjson:2:50: This line ends inside an object opened at column 1: a line cut short (an export that stopped in the middle of a record, or a file still being copied?). This is the file's last line, and it has no line end, as in a file cut short. If the file is still being copied or written, wait for it to finish and check again; otherwise export it again.`,
    ]);
  });

  it('leaves a file holding one JSON document as it is, which says itself that it ends inside a value, line end or none', async () => {
    const record = (id: number) => `{"id":"${id}","created_at":"2016-07-01T10:00:00Z","user":"a","text":"x"}`;
    const CUT =
      'a file cut short (an export that failed, or a file still being copied?). If the file is still being copied or written, wait for it to finish and check again; otherwise export it again.';
    // Cut after an item whole, at the end of its text (before the line end, if any).
    for (const end of ['', '\n'])
      expect(await problems(posts('a.json', `[\n${record(1)},\n${record(2)}${end}`))).toEqual([
        `data/tweets/a.json:3:69: The file ends inside a list opened at line 1: ${CUT}`,
      ]);
    expect(await problems(posts('a.json', `[\n${record(1)},\n{"id":"2","created_at":"2016-07-01T10:00:00Z","us`))).toEqual([
      `data/tweets/a.json:3:50: The file ends inside an object opened at line 3: ${CUT}`,
    ]);
  });

  it('does not say so when the file ends with a line end, nor at a row above its last line', async () => {
    // The same bad last rows, whole: ended by LF or CRLF.
    for (const end of ['\n', '\r\n']) {
      expect(await problems(posts('a.csv', `${HEAD}2,2016-07-01T10:00:00Z,b${end}`))).toEqual([
        `data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. ${ROW}`,
      ]);
      expect(await problems(posts('a.csv', `id,user,text,created_at\n1,a,ok,2016-07-1${end}`))).toEqual([
        expect.stringMatching(
          /^data\/tweets\/a\.csv:2:4: "created_at" must be .*; see README, "Adding a dataset"\. Fix or remove the row\.$/,
        ),
      ]);
      expect(await problems(posts('a.ndjson', `{"id":"1","created_at":"2016-07-01T10:00:00Z","us${end}`))).toEqual([
        expect.stringMatching(
          /^data\/tweets\/a\.ndjson:1:\d+: This line ends inside an object opened at column 1: a line cut short \([^)]*\)\. If the file/,
        ),
      ]);
    }
    // A bad row above a last line without a line end: only the last row's problem says so.
    const csv = `${HEAD}2,2016-07-01T10:00:00Z,b\n3,2016-07-01T10:00:00Z,c,whole\n4,2016-07-01T10:00:00Z,d`;
    expect(await problems(posts('a.csv', csv))).toEqual([
      `data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. ${ROW}`,
      `data/tweets/a.csv:5:4: This row has 3 fields, but the header has 4. ${ASK} ${ROW} ${DO}`,
    ]);
    // A row whose quoted field runs over line ends, above the last line.
    expect(await problems(posts('a.csv', `${HEAD}2,2016-07-01T10:00:00Z,"b\nc"\n3,2016-07-01T10:00:00Z,c,whole`))).toEqual([
      `data/tweets/a.csv:3:4: This row has 3 fields, but the header has 4. The quote opened on line 3 runs on to line 4: line 4 was read as part of one field (a stray quote on line 3?). ${ROW}`,
    ]);
  });
});

describe('loadDataset(id, options): records kept in a file cache', () => {
  it("locate an account as a fresh read does, where in a streamed JSON file too, under the file's name now", async () => {
    const root = tempProject({
      'data/acc/manifest.yaml':
        'title: F\ndescription: D\nkind: accounts\nsource: S\nlicence: L\ncollected: 2016-09-18\nfields:\n  id: id\n  name: name\n  platform: platform\n  followers: followers\n',
      'data/acc/a.json': '[{"id":"1","name":"A","platform":"x","followers":1}]',
      'data/acc/b.json': '[{"id":"1","name":"B","platform":"x","followers":2}]',
    });
    const store = new Map<string, FileRecords>();
    const fileCache: FileCache = { get: (_file, key) => store.get(key), set: (_file, key, records) => void store.set(key, records) };
    const options = { root, dataDir: join(root, 'data'), wholeJsonLimit: 10, fileCache };
    const message = () =>
      loadDataset('acc', options).then(
        () => 'loaded',
        (e: Error) => e.message.split('\n')[0],
      );
    const cold = await message();
    expect(cold).toMatch(/^data\/acc\/b\.json at 0\.id: The account id "1" was already used at data\/acc\/a\.json at 0\.id:1\./);
    expect(store.size).toBe(1);
    expect(await message()).toBe(cold);
    renameSync(join(root, 'data', 'acc', 'a.json'), join(root, 'data', 'acc', 'c.json'));
    expect(await message()).toMatch(/^data\/acc\/c\.json at 0\.id: The account id "1" was already used at data\/acc\/b\.json at 0\.id:1\./);
  });
});

describe('loadDataset(id, options): progress through the bytes', () => {
  // a.csv: 3 rows. b.csv: 50,000 short rows, then 300 long ones (3 MB), so that the 50,000th record is read a megabyte
  // or so into it, well before its end. c.json: 50,000 records, read whole (under 32 MB) or streamed.
  const rows = (from: number, n: number, pad = 0) => Array.from({ length: n }, (_, i) => `${from + i},${'x'.repeat(pad)}\n`).join('');
  let root = '';
  let dataDir = '';
  let [a, b, c, total] = [0, 0, 0, 0];
  beforeAll(() => {
    root = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n  n: integer\n',
      'data/t/a.csv': `n,note\n${rows(0, 3)}`,
      'data/t/b.csv': `n,note\n${rows(3, 49_997)}${rows(50_000, 300, 10_000)}`,
      'data/t/c.json': JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ n: i }))),
    });
    dataDir = join(root, 'data');
    const size = (file: string) => statSync(join(dataDir, 't', file)).size;
    [a, b, c] = [size('a.csv'), size('b.csv'), size('c.json')];
    total = a + b + c;
  });
  const progress = async (options: Partial<LoadOptions> = {}) => {
    const calls: [number, string, ReadBytes][] = [];
    await loadDataset('t', { root, dataDir, ...options, onProgress: (n, file, bytes) => calls.push([n, file, bytes]) });
    return calls;
  };

  it("says how many of the files' bytes are read, growing within a file as it is read, to their total", async () => {
    const calls = await progress();
    expect(calls.map(([n, file, bytes]) => [n, file, bytes.total])).toEqual([
      [3, 'data/t/a.csv', total],
      [50_000, 'data/t/b.csv', total],
      [50_300, 'data/t/b.csv', total],
      [100_000, 'data/t/c.json', total],
      [100_300, 'data/t/c.json', total],
    ]);
    const read = calls.map(([, , bytes]) => bytes.read);
    // Each file counts whole once read.
    expect([read[0], read[2], read[4]]).toEqual([a, a + b, total]);
    // Within b.csv: at least its first 50,000 records' bytes (header and short rows: what was parsed), read ahead by a
    // chunk or two (a megabyte each), not to its end.
    const parsed = Buffer.byteLength(`n,note\n${rows(3, 49_997)}`);
    expect(read[1]).toBeGreaterThanOrEqual(a + parsed);
    expect(read[1]).toBeLessThanOrEqual(a + parsed + 2 * 2 ** 20);
    expect(read[1]).toBeLessThan(a + b);
    // Within c.json, read whole: in proportion to its records handed on (the 49,700th of 50,000 is being mapped).
    expect(read[3]).toBe(a + b + Math.floor((c * 49_699) / 50_000));
  });

  it('counts a streamed JSON file as it comes off the disk', async () => {
    const calls = await progress({ wholeJsonLimit: 0 });
    const [n, file, bytes] = calls[3] ?? [];
    expect([n, file]).toEqual([100_000, 'data/t/c.json']);
    // c.json (under a megabyte) is one chunk, read before its first record is parsed: all but its last byte, which
    // counts once its records are all read, so that 100% means done.
    expect(bytes).toEqual({ read: total - 1, total });
    expect(calls.at(-1)?.[2]).toEqual({ read: total, total });
  });

  it('counts a file whose records come from the cache as read at once (but its last byte, until they are all read)', async () => {
    const store = new Map<string, FileRecords>();
    const fileCache: FileCache = { get: (_file, key) => store.get(key), set: (_file, key, records) => void store.set(key, records) };
    await progress({ fileCache });
    expect(store.size).toBe(3);
    const calls = await progress({ fileCache });
    expect(calls.map(([n, file, bytes]) => [n, file, bytes.read])).toEqual([
      [3, 'data/t/a.csv', a],
      [50_000, 'data/t/b.csv', a + b - 1],
      [50_300, 'data/t/b.csv', a + b],
      [100_000, 'data/t/c.json', total - 1],
      [100_300, 'data/t/c.json', total],
    ]);
  });

  it('reports the same to a check', async () => {
    const calls: [number, string, ReadBytes][] = [];
    expect(await checkDataset('t', { root, dataDir, onProgress: (n, file, bytes) => calls.push([n, file, bytes]) })).toEqual([]);
    expect(calls.map(([n, , bytes]) => [n, bytes.total])).toEqual([
      [3, total],
      [50_000, total],
      [50_300, total],
      [100_000, total],
      [100_300, total],
    ]);
    expect(calls.at(-1)?.[2].read).toBe(total);
  });
});
