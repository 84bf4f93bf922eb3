import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, loadDataset } from '../../src/data/loadDataset.ts';
import { readManifest } from '../../src/data/manifest.ts';
import type { PostsDataset } from '../../src/data/types.ts';
import { fixture, manifest } from './adapters/helpers.ts';
import { tempProject } from './helpers.ts';

const problems = (text: string) => {
  const read = readManifest(text, 'data/x/manifest.yaml');
  return 'problems' in read ? read.problems.map((p) => p.message.replace(/ Fix the manifest.*$/, '')) : [];
};

const posts = (fields: string) => `title: T
description: D
kind: posts
source: S
licence: CC0-1.0
collected: 2016-09-18
fields:
${fields}`;

describe('readManifest', () => {
  it('refuses an invisible directional control in the texts readers see, at its key', () => {
    const text = posts('  id: id\n  time: created_at\n  author: user\n  text: text\n')
      .replace('title: T', 'title: "Polls \u202eby region"')
      .replace('source: S', 'source: "\u2067S"');
    expect(problems(text)).toEqual([
      'data/x/manifest.yaml:1:1: "title" must not hold the invisible control character U+202E (after "Polls "), which would reorder or hide the text after it wherever it is shown: delete it (retype the text around it).',
      'data/x/manifest.yaml:4:1: "source" must not hold the invisible control character U+2067 (at its start), which would reorder or hide the text after it wherever it is shown: delete it (retype the text around it).',
    ]);
  });

  it('says what `synthetic: true` lacks: the script that made the data', () => {
    expect(
      problems(posts('  id: id\n  time: created_at\n  author: user\n  text: text\n').replace('fields:', 'synthetic: true\nfields:')),
    ).toEqual([
      'data/x/manifest.yaml:7:1: "synthetic" must name the committed script that made the data, not true: "synthetic: { script: scripts/generate-x.ts, seed: 2016 }" (or false for real data).',
    ]);
  });

  it('refuses a description a hashtag cut short, at the "#"', () => {
    expect(problems('title: T\ndescription: Tweets using #KeepCorbyn\n')).toEqual([
      'data/x/manifest.yaml:2:27: "description" stops at "Tweets using": YAML reads "#KeepCorbyn" as a comment, since "#" after a space starts one. Put the whole text in quotes to keep it; a comment has a space after its "#".',
      // With the manifest's other problems, not instead of them.
      'data/x/manifest.yaml:1:1: "kind" must be one of "posts", "accounts", "table".',
    ]);
  });

  it('tells a key that is missing from one whose value has the wrong type, each at its line', () => {
    expect(problems(posts('  id: 3\n  time: created_at\n  author: [a, b]\n'))).toEqual([
      'data/x/manifest.yaml:8:3: "fields.id" must be text, not 3.',
      'data/x/manifest.yaml:10:3: "fields.author" must be text, not a list.',
      'data/x/manifest.yaml:7:1: "fields.text" is missing.',
    ]);
  });

  it('names a wrong kind, a bad date and an unknown key', () => {
    expect(problems('title: T\ndescription: D\nkind: shelf\n')).toEqual([
      'data/x/manifest.yaml:3:1: "kind" must be one of "posts", "accounts", "table".',
    ]);
    expect(problems(posts('  id: id\n  time: t\n  author: a\n  text: x\n').replace('2016-09-18', '18/09/2016'))).toEqual([
      'data/x/manifest.yaml:6:1: "collected" must be a date written YYYY-MM-DD.',
    ]);
    expect(problems(`${posts('  id: id\n  time: t\n  author: a\n  text: x\n')}licence_url: x\n`)).toEqual([
      'data/x/manifest.yaml:12:1: It has unknown key "licence_url".',
    ]);
  });

  it('refuses a "collected" day the calendar does not have, which would roll over into the next month', () => {
    const fields = '  id: id\n  time: t\n  author: a\n  text: x\n';
    expect(problems(posts(fields).replace('2016-09-18', '2016-02-30'))).toEqual([
      'data/x/manifest.yaml:6:1: "collected" must be a day that exists in the calendar (there is no 2016-02-30).',
    ]);
    expect(problems(posts(fields).replace('2016-09-18', '2015-02-29'))).toEqual([
      'data/x/manifest.yaml:6:1: "collected" must be a day that exists in the calendar (there is no 2015-02-29).',
    ]);
    expect(problems(posts(fields).replace('2016-09-18', '2016-02-29'))).toEqual([]);
  });

  it('quotes a value that is none of those a key takes, with the closest ones', () => {
    const table = (columns: string) =>
      `title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n${columns}`;
    expect(problems(table('  Area: string\n  Date: datum\n  Votes: count\n'))).toEqual([
      'data/x/manifest.yaml:9:3: "columns.Date": "datum" is not a column type; use one of "string", "integer", "number", "date", "datetime", "boolean". Did you mean "date" or "datetime"?',
      'data/x/manifest.yaml:10:3: "columns.Votes": "count" is not a column type; use one of "string", "integer", "number", "date", "datetime", "boolean".',
    ]);
    expect(problems(`${table('  Area: string\n')}format: xlsx\n`)).toEqual([
      'data/x/manifest.yaml:9:1: "format" must be one of "csv", "tsv", "json", "ndjson", "twitter-v2", "twitter-v1", "x-archive", "bluesky", "mastodon", not "xlsx".',
    ]);
  });

  it('refuses a column with no name (a pandas index), which would show blank wherever it is named', () => {
    const table =
      'title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n  "": integer\n  Date: date\n';
    expect(problems(table)).toEqual([
      'data/x/manifest.yaml:8:3: "columns" reads a column with no name (""), which would show blank in the data table, the methods and messages: most likely a pandas index or a spreadsheet\'s row numbers (a header that starts ",Date,…"). Give it a name in the file\'s header (index, say) and here, or leave it out of "columns": a column the manifest does not name is not read.',
    ]);
    expect(problems(table.replace('  "": integer\n', ''))).toEqual([]);
  });

  it('asks "did you mean" the keys of the manifest\'s own kind that it lacks', () => {
    const fields = '  id: id\n  time: t\n  author: a\n  text: x\n';
    expect(problems(posts(fields).replace('licence:', 'license:'))).toEqual([
      'data/x/manifest.yaml:1:1: "licence" is missing.',
      'data/x/manifest.yaml:5:1: It has unknown key "license". Did you mean "licence"?',
    ]);
    // A posts manifest is not offered a table's "columns", nor a table one a posts manifest's "fields".
    expect(problems(`${posts(fields)}colums: {}\n`)).toEqual(['data/x/manifest.yaml:12:1: It has unknown key "colums".']);
    expect(
      problems('title: T\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-06-24\ncolumns:\n  a: string\nfeilds: {}\n'),
    ).toEqual(['data/x/manifest.yaml:9:1: It has unknown key "feilds". Did you mean "files"?']);
  });

  it('refuses an ISO-week time format whose day is "%u", which d3 would read as Monday', () => {
    const fields = (format: string) => `  id: id\n  time: { column: week, format: "${format}" }\n  author: a\n  text: x\n`;
    expect(problems(posts(fields('%G-W%V-%u')))).toEqual([
      'data/x/manifest.yaml:9:25: "fields.time.format" must give the day of an ISO week (%V) as "%w" (0 = Sunday … 6 = Saturday): d3-time-format reads "%u" there as Monday whatever the day.',
    ]);
    expect(problems(posts(fields('%G-W%V-%w')))).toEqual([]);
  });

  it("refuses a zone name written into a format, an abbreviation as a zone, and a zone beside the text's own", () => {
    const time = (value: string) => posts(`  id: id\n  time: ${value}\n  author: a\n  text: x\n`);
    expect(problems(time('{ column: d, format: "%Y-%m-%d %H:%M:%S BST" }'))).toEqual([
      'data/x/manifest.yaml:9:22: "fields.time.format" must not name a zone as literal text ("BST"): d3-time-format does not read it, so every time would be read as UTC. Say whose clock the times are with "zone" beside the format, e.g. zone: Europe/London (the IANA name of the place "BST" is used in).',
    ]);
    expect(problems(time('{ column: d, format: "%Y-%m-%d %H:%M:%S BST", zone: Europe/London }'))).toEqual([]);
    expect(problems(time('{ column: d, format: "%Y-%m-%dT%H:%M:%SZ" }'))).toEqual([]);
    expect(problems(time('{ column: d, format: "%d %b %Y %H:%M GMT" }'))).toEqual([]);
    expect(problems(time('{ column: d, format: "%Y-%m-%dT%H:%M:%S+00:00" }'))).toEqual([]);
    for (const utc of ['GMT+0000', 'UTC+00:00', 'UTC-0', '+00', 'Date/Time', 'SENT', 'TEXT', '12:00-13:00'])
      expect(problems(time(`{ column: d, format: "%d.%m.%Y %H:%M ${utc}" }`)), utc).toEqual([]);
    for (const literal of [
      'MESZ',
      'MEZ',
      'AST',
      'PKT',
      'ET',
      'WIB',
      'UTC+1',
      'GMT+01:00',
      'UTC−01:00',
      '+0100',
      '+01',
      '+01:00:00',
      'Europe/London',
      'US/Eastern',
    ])
      expect(problems(time(`{ column: d, format: "%d.%m.%Y %H:%M ${literal}" }`))[0], literal).toContain(
        `must not name a zone as literal text ("${literal}")`,
      );
    expect(problems(time('{ column: d, zone: BST }'))).toEqual([
      'data/x/manifest.yaml:9:22: "fields.time.zone" must be an IANA time zone name, such as "Europe/London", "America/New_York" or "UTC" (an abbreviation names different zones in different places: "BST" is Bangladesh to the time zone database; "Etc/GMT+1" is UTC−1).',
    ]);
    expect(problems(time('{ column: d, zone: Europe/Londn }'))[0]).toContain(
      '"fields.time.zone" must be an IANA time zone name, which "Europe/Londn" is not. Did you mean "Europe/London"',
    );
    expect(problems(time('{ column: d, zone: Europe/Londn }'))[0]).toMatch(/\?$/);
    expect(problems(time('{ column: d, format: "%Y-%m-%d %H:%M %Z", zone: UTC }'))).toEqual([
      'data/x/manifest.yaml:9:51: "fields.time.zone" must be left out when the format reads each time\'s own offset or epoch (%Z, %s, %Q).',
    ]);
    expect(problems(time('{ column: d }'))).toEqual([
      'data/x/manifest.yaml:9:3: "fields.time" must give a "format", a "zone", or both, beside its "column".',
    ]);
  });

  it('refuses a CSV layout on files that are not CSV, and says what a delimiter may be', () => {
    const fields = '  id: id\n  time: t\n  author: a\n  text: x\n';
    expect(problems(`${posts(fields)}delimiter: semicolon\n`)).toEqual([
      'data/x/manifest.yaml:12:1: "delimiter" must be one character: ",", ";", "|" or "\\t" (a tab), in quotes.',
    ]);
    expect(problems(`${posts(fields)}format: json\nheaderLine: 3\n`)).toEqual([
      'data/x/manifest.yaml:13:1: "headerLine" is for CSV and TSV files, but "format" is json: leave it out.',
    ]);
    expect(problems(`${posts(fields)}delimiter: ";"\nheaderLine: 3\n`)).toEqual([]);
  });
});

describe('a manifest format', async () => {
  it('requires fields for a CSV posts dataset, and refuses a social format on a table', async () => {
    const root = tempProject({
      'data/p/manifest.yaml': manifest('csv'),
      'data/p/a.csv': 'id\n1\n',
      'data/t/manifest.yaml': manifest('mastodon').replace('kind: posts', 'kind: table\ncolumns:\n  a: string'),
      'data/t/a.json': '[]',
    });
    const opts = { root, dataDir: join(root, 'data') };
    expect((await checkDataset('p', opts)).map((e) => e.message)).toEqual([
      'data/p/manifest.yaml:1:1: "fields" is missing: it maps your columns to id, time, author and text. For a platform\'s own export, set "format" instead (twitter-v2, twitter-v1, x-archive, bluesky, mastodon). Fix the manifest (see README, "Adding a dataset").',
    ]);
    expect((await checkDataset('t', opts))[0]?.message).toContain('data/t/manifest.yaml:9:1: "format" "mastodon" is a social export');
  });
});

describe('a manifest without "files"', () => {
  it('reads .jsonl files without a "files" pattern', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1').replace(/^files: .*\n/m, ''),
      'data/x/b.jsonl': `${fixture('twitter-v1.ndjson').split('\n')[0]}\n`,
    });
    expect(((await loadDataset('x', { root, dataDir: join(root, 'data') })) as PostsDataset).files.map((f) => f.path)).toEqual([
      'data/x/b.jsonl',
    ]);
  });
});
