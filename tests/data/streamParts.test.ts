import { EventEmitter } from 'node:events';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { type CountedArrays, eachCounted } from '../../src/data/countedColumns.ts';
import { csvCuts } from '../../src/data/csvCuts.ts';
import { fileSha256 } from '../../src/data/fileHash.ts';
import { decimalText } from '../../src/data/idSet.ts';
import type { PostsManifest } from '../../src/data/manifest.ts';
import { openDataset } from '../../src/data/openDataset.ts';
import type { RecordSink } from '../../src/data/readDataFile.ts';
import { readInParts } from '../../src/data/streamParts.ts';
import { streamCampaignStatistics } from '../../src/data/streamPosts.ts';
import { campaigns } from '../analysis/fixtures.ts';
import { postsManifest, tempProject } from './helpers.ts';

/**
 * 600 records: tweet ids and a few text ids; texts with the campaigns' hashtags, some quoted over several lines with
 * doubled quotes; record 550 a copy of record 10 (the same post exported twice). `edit` changes a record's line.
 */
function tweets(eol = '\n', edit: (i: number, line: string) => string = (_, line) => line): string {
  const lines = ['id,created_at,user,text'];
  for (let i = 0; i < 600; i++) {
    const j = i === 550 ? 10 : i;
    const id = j % 97 === 0 ? `p-${j}` : `76543210987654${String(3210 + j).padStart(4, '0')}`;
    const day = String(1 + (j % 28)).padStart(2, '0');
    const tag = ['#SaveLabour', '#KeepCorbyn', '#SaveLabour #keepcorbyn', 'no tag', '#SavingLabour'][j % 5];
    const text = j % 7 === 0 ? `"${tag}${eol}said ""twice""${eol}and more"` : tag;
    lines.push(edit(i, `${id},2016-0${7 + (j % 2)}-${day}T1${j % 10}:00:00Z,u${j % 40},${text}`));
  }
  return `${lines.join(eol)}${eol}`;
}

const options = (root: string, parts: number) => ({ root, dataDir: join(root, 'data'), parts: { parts, minBytes: 1 } });

/** The statistics, or the error's message, read on 1, 2 and 3 threads. */
async function threeWays(files: Record<string, string>) {
  const root = tempProject(files);
  return Promise.all(
    [1, 2, 3].map((parts) =>
      streamCampaignStatistics('tweets', options(root, parts), campaigns).then(
        (r) => r,
        (e: Error) => e.message,
      ),
    ),
  );
}

/** The sample tweets' file in a fresh project, read in `parts` parts. */
function inParts(parts: number, sink: RecordSink, counted: (arrays: CountedArrays) => void) {
  const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest(), 'data/tweets/a.csv': tweets() });
  const path = join(root, 'data/tweets/a.csv');
  const manifest = openDataset('tweets', { root, dataDir: join(root, 'data') }).manifest as PostsManifest;
  const layout = { delimiter: ',', headerLine: 1 };
  return { path, read: readInParts(path, 'data/tweets/a.csv', layout, manifest, campaigns, { parts, minBytes: 1 }, sink, counted) };
}

describe('readInParts(path, file, layout, manifest, campaigns, options, sink, counted)', () => {
  it("hands the first part's records to the sink and the others' posts, counted on their threads, in file order", async () => {
    const records: string[] = [];
    const counted: string[] = [];
    let header: readonly string[] | undefined;
    const { path, read } = inParts(3, { header: (h) => (header = h), record: (r) => records.push(r.get('id') as string) }, (arrays) =>
      eachCounted(arrays, (text, decimal, _print, time, ids) =>
        counted.push(`${text ?? decimalText(decimal)} ${new Date(time).toISOString()} ${ids}`),
      ),
    );
    expect(await read).toBe(fileSha256(path));
    expect(header).toEqual(['id', 'created_at', 'user', 'text']);
    // The first part is the records before the first cut; the rest were typed and matched on two other threads.
    const cut = csvCuts(path, 3)[0] as number;
    const firstPart = tweets()
      .slice(0, cut)
      .split('\n')
      .filter((l) => /^(\d|p-)/.test(l)).length;
    expect(records.length).toBe(firstPart);
    expect(records.length + counted.length).toBe(600);
    // Record 599: its id, 12 August (day 1 + 599 mod 28) at 19:00, "#SavingLabour".
    expect(counted.at(-1)).toBe('765432109876543809 2016-08-12T19:00:00.000Z labour');
    // Record 582, a text id, "#SaveLabour #keepcorbyn": both campaigns.
    expect(counted).toContain('p-582 2016-07-23T12:00:00.000Z labour,corbyn');
  });

  it('refuses a file that changed while its parts were read', async () => {
    // The header is read once the file's bytes come in, after inParts has returned the path.
    let path = '';
    const parted = inParts(2, { header: () => appendFileSync(path, '1,2016-07-01T00:00:00Z,late,copy\n'), record: () => {} }, () => {});
    path = parted.path;
    await expect(parted.read).rejects.toThrow(
      'data/tweets/a.csv: This file changed while it was read (its size or modification time is not what it was when reading began).',
    );
  });
});

describe('streamCampaignStatistics on several threads', () => {
  it('counts exactly what one thread counts: copies across parts once, quoted line breaks, CRLF, TSV, text ids', async () => {
    const files = [
      { 'a.csv': tweets('\n') },
      { 'a.csv': tweets('\r\n') },
      // Tab-separated (the texts hold no comma), and a second file whose posts are all copies of the first's.
      { 'a.tsv': tweets('\n').replace(/,/g, '\t'), 'b.csv': tweets('\r\n') },
    ];
    for (const data of files) {
      const [one, two, three] = await threeWays({
        'data/tweets/manifest.yaml': postsManifest(),
        ...Object.fromEntries(Object.entries(data).map(([name, text]) => [`data/tweets/${name}`, text])),
      });
      expect(typeof one).toBe('object');
      expect(two).toEqual(one);
      expect(three).toEqual(one);
      expect(one).toMatchObject({ posts: 599, duplicates: 600 * Object.keys(data).length - 599 });
    }
  });

  it('reads a title block above the header (headerLine) in the first part, then the others by its header', async () => {
    const title = 'Export of 12 July\nquery: "#SaveLabour" OR x\n';
    const [one, two, three] = await threeWays({
      'data/tweets/manifest.yaml': postsManifest('headerLine: 3\n'),
      'data/tweets/a.csv': `${title}${tweets()}`,
    });
    expect(one).toMatchObject({ posts: 599 });
    expect([two, three]).toEqual([one, one]);
  });

  it('reports a bad record in a later part where one thread reports it: file, line and column', async () => {
    // Record 580 (line 2 + 580 + the 2 extra lines of each of the 83 quoted texts before it) has no such day.
    const bad = tweets('\n', (i, line) => (i === 580 ? line.replace('2016-07-', '2016-02-30T') : line));
    const messages = await threeWays({ 'data/tweets/manifest.yaml': postsManifest(), 'data/tweets/a.csv': bad });
    expect(messages[0]).toContain('data/tweets/a.csv:748:2: ');
    expect(messages[1]).toBe(messages[0]);
    expect(messages[2]).toBe(messages[0]);
  });

  it('says a file cut in its last row, in the last part, may have been cut short, as one thread does', async () => {
    const messages = await threeWays({ 'data/tweets/manifest.yaml': postsManifest(), 'data/tweets/a.csv': `${tweets()}601,2016-07-0` });
    // Line 774: the header, 600 records and the two more lines of each of the 86 quoted texts come before it.
    expect(messages[0]).toBe(
      "data/tweets/a.csv:774:3: This row has 2 fields, but the header has 4. This is the file's last line, and it has no line end: was the file cut short (an export or download that stopped, or a file still being copied)? Check the quoting and the number of separators on this line. If the file was cut short, export or download it again (or wait for the copy to finish); if not, end its last line with a line end.",
    );
    expect(messages.slice(1)).toEqual([messages[0], messages[0]]);
  });

  it('refuses an id read again for another post across parts, and a byte that is not UTF-8 in the last, as one thread does', async () => {
    const reused = tweets('\n', (i, line) => (i === 590 ? line.replace(/^\d+/, '765432109876543215').replace('T1', 'T0') : line));
    const messages = await threeWays({ 'data/tweets/manifest.yaml': postsManifest(), 'data/tweets/a.csv': reused });
    // Record 590 is on line 762 (2 + 590 + two more lines for each of the 85 quoted texts before it); record 5, on line 9.
    expect(messages[0]).toContain(
      'data/tweets/a.csv:762:1: The id "765432109876543215" was already read for a post at another time (first read at line 9 of this file, for a post at 2016-08-06T15:00:00Z; this one is at 2016-07-03T00:00:00Z)',
    );
    expect(messages.slice(1)).toEqual([messages[0], messages[0]]);
    const root = tempProject({ 'data/tweets/manifest.yaml': postsManifest() });
    writeFileSync(
      join(root, 'data/tweets/a.csv'),
      Buffer.concat([Buffer.from(tweets()), Buffer.from('9,2016-07-01T00:00:00Z,u,Jos\xe9\n', 'latin1')]),
    );
    const latin1 = await Promise.all(
      [1, 3].map((parts) => streamCampaignStatistics('tweets', options(root, parts), campaigns).catch((e: Error) => e.message)),
    );
    // Line 774: the header, 600 records and the two more lines of each of the 86 quoted texts come before it.
    expect(latin1[0]).toMatch(/^data\/tweets\/a\.csv:774: This line has /);
    expect(latin1[1]).toBe(latin1[0]);
  });

  it('reads a part itself when the thread reading it stops, and says so once, naming the part and why', async () => {
    // A part's thread that stops (here as one that ran out of memory does: Node's worker "error" event) hands back
    // nothing; this thread then reads that part from its first line. The statistics must be those of one thread.
    const files = { 'data/tweets/manifest.yaml': postsManifest(), 'data/tweets/a.csv': tweets() };
    const [one] = await threeWays(files);
    const stopped = 'Worker terminated due to reaching memory limit: JS heap out of memory';
    vi.resetModules();
    vi.doMock('node:worker_threads', async (real: () => Promise<typeof import('node:worker_threads')>) => ({
      ...(await real()),
      Worker: class extends EventEmitter {
        constructor() {
          super();
          setImmediate(() => this.emit('error', new Error(stopped)));
        }
        postMessage() {}
        terminate() {
          return Promise.resolve(0);
        }
      },
    }));
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { streamCampaignStatistics: parted } = await import('../../src/data/streamPosts.ts');
      const root = tempProject(files);
      expect(await parted('tweets', options(root, 3), campaigns)).toEqual(one);
      expect(warned.mock.calls.map(([m]) => m)).toEqual(
        [2, 3].map(
          (part) =>
            `data/tweets/a.csv: The thread reading part ${part} of this file stopped (${stopped}), so the thread that read the first part reads it too: the statistics are the same, but take longer. Nothing in the data needs fixing; if every build says it, the reason in brackets says what the machine ran short of.`,
        ),
      );
    } finally {
      warned.mockRestore();
      vi.doUnmock('node:worker_threads');
      vi.resetModules();
    }
  });
});
