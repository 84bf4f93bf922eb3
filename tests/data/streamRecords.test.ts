import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, loadDataset } from '../../src/data/loadDataset.ts';
import type { Post, PostsDataset } from '../../src/data/types.ts';
import { postsManifest, tempProject } from './helpers.ts';

// wholeJsonLimit: 0 streams every JSON file, as files over 32 MB are in a real build.
const streamed = (root: string) => ({ root, dataDir: join(root, 'data'), wholeJsonLimit: 0 });

const tweet = (i: number) => ({
  id: `t${i}`,
  created_at: `2016-07-0${1 + (i % 9)}T10:00:00Z`,
  user: { name: `u${i}` },
  text: `#Tag${i % 3}`,
});

describe('streaming large files', () => {
  it('reads a JSON array and an API object ({data: […]}) item by item, with the same rows as reading whole', async () => {
    const manifest = postsManifest().replace('  author: user', '  author: user.name');
    const root = tempProject({
      'data/tweets/manifest.yaml': manifest,
      'data/tweets/a.json': JSON.stringify(Array.from({ length: 500 }, (_, i) => tweet(i))),
      'data/tweets/b.json': JSON.stringify({ data: Array.from({ length: 300 }, (_, i) => tweet(400 + i)), meta: { result_count: 300 } }),
    });
    const whole = (await loadDataset('tweets', { root, dataDir: join(root, 'data') })) as PostsDataset;
    const stream = (await loadDataset('tweets', streamed(root))) as PostsDataset;
    expect(stream.rows).toHaveLength(700);
    expect(stream.duplicates).toBe(100);
    expect(stream.rows).toEqual(whole.rows);
    expect(stream.files).toEqual(whole.files);
  });

  it('names the JSON path of a bad streamed item, and the line and column of a syntax error', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.json': JSON.stringify([
        { id: '1', created_at: '2016-07-01T10:00:00Z', user: 'a', text: 'x' },
        { id: '2', created_at: 'soon', user: 'b', text: 'y' },
      ]),
    });
    await expect(loadDataset('tweets', streamed(root))).rejects.toThrow(
      'data/tweets/a.json at 1.created_at: "created_at" must be an ISO date-time',
    );
    writeFileSync(
      join(root, 'data', 'tweets', 'a.json'),
      '[\n  {"id": "1", "created_at": "2016-07-01T10:00:00Z", "user": "a", "text": "x"},\n  {"id": "2",, }\n]\n',
    );
    const problems = await checkDataset('tweets', streamed(root));
    expect(problems.map((p) => p.message)).toEqual([
      'data/tweets/a.json:3:14: This is not valid JSON: expected an object key, found ",". Fix the JSON syntax at this position.',
    ]);
  });

  it('streams a social export array (Mastodon statuses) item by item', async () => {
    const status = (i: number) => ({
      id: `${i}`,
      created_at: '2024-06-30T21:04:05.000Z',
      account: { acct: 'ann' },
      content: `<p>#GE2024 ${i}</p>`,
      tags: [{ name: 'ge2024' }],
    });
    const root = tempProject({
      'data/m/manifest.yaml':
        'title: M\ndescription: D\nkind: posts\nsource: S\nlicence: CC0-1.0\ncollected: 2024-07-01\nformat: mastodon\n',
      'data/m/a.json': JSON.stringify(Array.from({ length: 50 }, (_, i) => status(i))),
    });
    const ds = (await loadDataset('m', streamed(root))) as PostsDataset;
    expect(ds.rows).toHaveLength(50);
    expect((ds.rows[49] as Post).text).toBe('#GE2024 49');
    expect((ds.rows[49] as Post).hashtags).toEqual(['GE2024']);
  });

  it('refuses a large social export that is one object, rather than reading its list as empty', async () => {
    const root = tempProject({
      'data/m/manifest.yaml':
        'title: M\ndescription: D\nkind: posts\nsource: S\nlicence: CC0-1.0\ncollected: 2024-07-01\nformat: mastodon\n',
      'data/m/a.json': JSON.stringify({
        statuses: [{ id: '1', created_at: '2024-06-30T21:04:05.000Z', account: { acct: 'a' }, content: '<p>x</p>' }],
      }),
    });
    await expect(loadDataset('m', streamed(root))).rejects.toThrow(
      'data/m/a.json: This 0 MB social export is one JSON object; a file over 32 MB is read as a stream',
    );
  });
});

describe('a check after a CSV syntax error', () => {
  const check = async (csv: string | Buffer, manifest = postsManifest()) => {
    const root = tempProject({ 'data/tweets/manifest.yaml': manifest });
    writeFileSync(join(root, 'data', 'tweets', 'a.csv'), csv);
    return (await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((p) => p.message);
  };
  const QUOTING = 'Check the quoting and the number of separators on this line.';
  const CLOSING = `A quoted field has text after its closing quote (a quote inside a quoted field must be doubled: ""). ${QUOTING}`;
  const NO_ZONE = (line: number, time: string) =>
    `data/tweets/a.csv:${line}:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z; for times written without one, name their zone in the manifest: time: { column: …, zone: Europe/London }), got "${time}". Fix or remove the row.`;

  it("reads on from the next line when the row's quotes are balanced, and reports the later rows' problems too", async () => {
    const rows = [
      'id,created_at,user,text',
      '1,2016-07-01T10:00:00Z,a,ok',
      '2,2016-07-01T10:00:00Z,b,"bad "quote" inside"',
      '3,2016-07-01T10:00:00,c,no zone',
      '4,2016-07-01T10:00:00Z,d,He said "hi" there',
      '5,2016-07-01T10:00:00Z,e,"two',
      'lines" fine',
      '6,2016-07-01T11:00:00,f,"ok"',
    ];
    const expected = [
      `data/tweets/a.csv:3:4: ${CLOSING}`,
      NO_ZONE(4, '2016-07-01T10:00:00'),
      `data/tweets/a.csv:5:4: A field that does not start with a quote has one inside it: put the whole field in quotes and double each quote inside it (He said "hi" there → "He said ""hi"" there"). ${QUOTING}`,
      // A row over two lines with text after its closing quote: where it ends is not told by the line it starts on.
      `data/tweets/a.csv:6:4: ${CLOSING.replace(QUOTING, '')}The quote opened on line 6 runs on to line 7: line 7 was read as part of one field (a stray quote on line 6?). Lines 7–8 were not checked: where this row ends, and so where the next one starts, cannot be told from its quotes. ${QUOTING}`,
    ];
    expect(await check(`${rows.join('\n')}\n`)).toEqual(expected);
    // CRLF, and Excel's "Unicode text" (UTF-16LE with a byte order mark), alike.
    expect(await check(`${rows.join('\r\n')}\r\n`)).toEqual(expected);
    expect(await check(Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf16le'))).toEqual(expected);
    // A closing quote followed by a space and text is the same mistake, said the same way (it was csv-parse's own words).
    expect(await check('id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,"say" hi\n2,x,b,y\n')).toEqual([
      `data/tweets/a.csv:2:4: ${CLOSING}`,
      'data/tweets/a.csv:3:2: "created_at" must be an ISO date-time with a timezone (e.g. 2016-07-12T18:04:31Z), got "x". Fix or remove the row.',
    ]);
  });

  it('counts lines from the top of the file below a title block, and says which lines it could not check after an odd quote', async () => {
    const manifest = `${postsManifest()}headerLine: 3\n`;
    const csv = [
      'Report: "keep',
      '',
      'id,created_at,user,text',
      '1,2016-07-01T10:00:00Z,a,"bad "one" x"',
      '2,2016-07-01T10:00:00,b,y',
      '3,2016-07-01T10:00:00Z,c,"say "hi now"',
      '4,2016-07-01T10:00:00,d,y',
      '',
      '5,2016-07-01T10:00:00,e,y',
      '',
    ].join('\n');
    expect(await check(csv, manifest)).toEqual([
      `data/tweets/a.csv:4:4: ${CLOSING}`,
      NO_ZONE(5, '2016-07-01T10:00:00'),
      `data/tweets/a.csv:6:4: ${CLOSING.replace(QUOTING, '')}Lines 7–9 were not checked: where this row ends, and so where the next one starts, cannot be told from its quotes. ${QUOTING}`,
    ]);
  });

  it("names the line a quote left open at a line's end opened on, and the lines it took in, in a build and a check", async () => {
    const rows = [
      'id,created_at,user,text',
      '1,2016-07-01T10:00:00Z,a,"#Red',
      '2,2016-07-01T10:00:00Z,b,#Red',
      '3,2016-07-01T10:00:00Z,c,"#Blue"',
      '4,2016-07-01T10:00:00Z,d,#Blue',
    ];
    const build = async (csv: string | Buffer, manifest = postsManifest()) => {
      const root = tempProject({ 'data/tweets/manifest.yaml': manifest });
      writeFileSync(join(root, 'data', 'tweets', 'a.csv'), csv);
      return loadDataset('tweets', { root, dataDir: join(root, 'data') }).then(
        () => 'loaded',
        (e: Error) => e.message,
      );
    };
    const said = (opened: number) =>
      `data/tweets/a.csv:${opened}:4: ${CLOSING.replace(QUOTING, '')}The quote opened on line ${opened} runs on to line ${opened + 2}: lines ${opened + 1}–${opened + 2} were read as part of one field (a stray quote on line ${opened}?).`;
    expect(await build(`${rows.join('\n')}\n`)).toBe(`${said(2)} ${QUOTING}`);
    expect(await build(`${rows.join('\r\n')}\r\n`)).toBe(`${said(2)} ${QUOTING}`);
    expect(await build(Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf16le'))).toBe(`${said(2)} ${QUOTING}`);
    // Below a title block, lines still count from the top of the file.
    expect(await build(`Report\n\n${rows.join('\r\n')}\r\n`, `${postsManifest()}headerLine: 3\n`)).toBe(`${said(4)} ${QUOTING}`);
    // A check says which lines it could not check after it, too.
    expect(await check(`${rows.join('\n')}\n`)).toEqual([
      `${said(2)} Lines 3–5 were not checked: where this row ends, and so where the next one starts, cannot be told from its quotes. ${QUOTING}`,
    ]);
  });

  const CUT_HINT =
    'If the file is still being copied or written, wait for it to finish (or export it again) and check again; if it is whole, close the quote, or take out a stray one (a quote inside a quoted field must be doubled: "").';

  it('says which lines a quote never closed swallowed, and that the file may have been cut short', async () => {
    const csv = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,ok\n2,2016-07-01T10:00:00Z,b,"never closed\n3,x,c,y\n4,x,d,z\n';
    expect(await check(csv)).toEqual([
      `data/tweets/a.csv:3: A quoted field is opened on this line but never closed, so lines 4–5, to the end of the file, were read as part of it and not checked: a stray quote, or a file cut short (an export that failed, or a file still being copied?). ${CUT_HINT}`,
    ]);
  });

  it('says that a file cut inside a quoted field, at its last line, may still be being copied, in a check and a build', async () => {
    const rows = Array.from({ length: 999 }, (_, i) => `${i + 1},2016-09-24T10:00:00Z,u${i},"tweet ${i}, quoted"`);
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest().replace('collected: 2016-09-18', 'collected: 2016-09-24'),
      'data/tweets/tweets-2016-09-24.csv': `id,created_at,user,text\n${rows.join('\n')}\n1000,2016-09-24T10:00:00Z,u,"a tweet cut in the mid`,
    });
    // Its last line has no line end, which the message says too (cutShort.ts).
    const cut = `data/tweets/tweets-2016-09-24.csv:1001: A quoted field is opened on this line but never closed: the file ends inside it, as a file cut short does (an export that failed, or a file still being copied?). This is the file's last line, and it has no line end, as in a file cut short. ${CUT_HINT}`;
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((p) => p.message)).toEqual([cut]);
    await expect(loadDataset('tweets', { root, dataDir: join(root, 'data') })).rejects.toThrow(cut);
  });
});

describe('a CSV header', () => {
  it('refuses a column name given twice at the second, naming both columns, in a build and a check; columns with no name are left alone', async () => {
    const root = tempProject({
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,text,created_at,user,text\n1,first,2016-07-01T10:00:00Z,a,second\n',
      'data/tweets/b.tsv': 'id\tcreated_at\tuser\ttext\t\t\n2\t2016-07-01T10:00:00Z\tb\tok\t\t\n',
    });
    const twice =
      'data/tweets/a.csv:1:5: The header names "text" twice, as columns 2 and 5, so which one the manifest means cannot be told (the last would be read, and the other left out without a word). Rename one of the two in the header, or delete the column that is a copy of the other.';
    await expect(loadDataset('tweets', { root, dataDir: join(root, 'data') })).rejects.toThrow(twice);
    expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((p) => p.message)).toEqual([twice]);
  });

  it('refuses a file of blank lines or a byte order mark alone as empty, with no header, rather than as one with a header and no rows', async () => {
    const empty = (file: string) =>
      `data/tweets/${file}: This file is empty: it holds only blank lines (or only a byte order mark), so it has no header and no rows. An export that failed, or a file still being copied? Export it again, or remove it.`;
    for (const [file, bytes] of [
      ['a.csv', '\n\r\n   \n'],
      ['a.tsv', '\uFEFF'],
      ['b.csv', Buffer.from('\uFEFF\r\n', 'utf16le')],
    ] as const) {
      const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest() });
      writeFileSync(join(root, 'data', 'tweets', file), bytes);
      await expect(loadDataset('tweets', { root, dataDir: join(root, 'data') })).rejects.toThrow(empty(file));
      expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((p) => p.message)).toEqual([empty(file)]);
    }
  });

  it('refuses such a file as empty under headerLine too, not as shorter than its title block; a short file with text is that', async () => {
    const empty = (file: string) =>
      `data/tweets/${file}: This file is empty: it holds only blank lines (or only a byte order mark), so it has no header and no rows. An export that failed, or a file still being copied? Export it again, or remove it.`;
    for (const [file, bytes] of [
      ['a.csv', '\uFEFF'],
      ['b.csv', '\uFEFF\r\n\r\n'],
      ['c.csv', Buffer.from('\uFEFF\r\n', 'utf16le')],
    ] as const) {
      const root = tempProject({ 'data/tweets/manifest.yaml': `${postsManifest()}delimiter: ";"\nheaderLine: 4\n` });
      writeFileSync(join(root, 'data', 'tweets', file), bytes);
      await expect(loadDataset('tweets', { root, dataDir: join(root, 'data') })).rejects.toThrow(empty(file));
      expect((await checkDataset('tweets', { root, dataDir: join(root, 'data') })).map((p) => p.message)).toEqual([empty(file)]);
    }
    const short = tempProject({
      'data/tweets/manifest.yaml': `${postsManifest()}delimiter: ";"\nheaderLine: 4\n`,
      'data/tweets/a.csv': '\uFEFFMentions export;;;\n',
    });
    await expect(loadDataset('tweets', { root: short, dataDir: join(short, 'data') })).rejects.toThrow(
      "data/tweets/a.csv:1: The manifest's headerLine is 4, but this file has 1 line, so it has no header and no rows. Set headerLine to the line the column names are on, or leave it out when they are on the first line.",
    );
  });
});
