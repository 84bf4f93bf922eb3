import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/loadDataset.ts';
import type { PostsDataset, TableDataset } from '../../src/data/types.ts';
import { BadNumber, error, SoundingsError, sentError } from '../../src/errors.ts';
import {
  COUNTED_PROBLEMS_MAX_BYTES,
  cachedDataset,
  clearMemoryCache,
  countProblems,
  failureToHand,
  keepFileLists,
  keepLoadRecord,
  type LoadRecord,
  loadState,
  parseCount,
  takeLoadRecords,
} from '../../src/markdown/datasetCache.ts';
import { type ReadAhead, readingAhead } from '../../src/markdown/readingAhead.ts';
import { postsManifest, tempProject } from '../data/helpers.ts';

function project() {
  const root = tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red one\n2,2016-07-02T10:00:00Z,b,#Blue\n',
    'data/polls/manifest.yaml':
      'title: P\ndescription: D\nkind: table\nsource: S\nlicence: L\ncollected: 2016-09-18\ncolumns:\n  date: date\n  share: number\n',
    'data/polls/p.csv': 'date,share\n2016-08-01,0.62\n',
    'data/people/manifest.yaml':
      'title: F\ndescription: D\nkind: accounts\nsource: S\nlicence: L\ncollected: 2016-09-18\nfields:\n  id: id\n  name: name\n  platform: platform\n  followers: followers\n',
    'data/people/a.csv': 'id,name,platform,followers\nann,Ann,x,10\nbob,Bob,x,20\n',
  });
  return { root, dataDir: join(root, 'data'), cacheDir: join(root, '.cache') };
}

describe('the dataset cache', () => {
  it('parses unchanged data once: a new process reads the parsed dataset from disk', async () => {
    const options = project();
    takeLoadRecords();
    const parses = parseCount();
    const first = await cachedDataset('polls', options);
    expect(parseCount()).toBe(parses + 1);
    clearMemoryCache(); // as a new build process starts
    const second = (await cachedDataset('polls', options)) as TableDataset;
    expect(parseCount()).toBe(parses + 1);
    expect(second).toEqual(first);
    // Dates survive the round trip as Dates.
    expect(second.rows[0]?.date).toBeInstanceOf(Date);
    expect(takeLoadRecords().map((r) => [r.id, r.cache, r.rows])).toEqual([['polls', 'hit', 1]]);
  });

  it('shares entries between a build (root with a trailing slash) and `npm run check` (without)', async () => {
    const options = project();
    await cachedDataset('polls', { ...options, root: `${options.root}/` });
    clearMemoryCache();
    takeLoadRecords();
    const parses = parseCount();
    await cachedDataset('polls', options);
    expect(parseCount()).toBe(parses);
    expect(takeLoadRecords().map((r) => r.cache)).toEqual(['hit']);
  });

  it('parses once when posts ask for the same dataset at the same time', async () => {
    const options = project();
    const parses = parseCount();
    const loads = await Promise.all([cachedDataset('tweets', options), cachedDataset('tweets', options), cachedDataset('tweets', options)]);
    expect(parseCount()).toBe(parses + 1);
    expect(new Set(loads).size).toBe(1);
  });

  it('in one process (astro dev), re-loads the unchanged files from memory, not from the disk', async () => {
    const options = project();
    await cachedDataset('tweets', options);
    // Without the disk entry, a re-load that went to the disk would parse a.csv again.
    rmSync(options.cacheDir, { recursive: true, force: true });
    const parses = parseCount();
    writeFileSync(join(options.dataDir, 'tweets', 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n');
    const after = await cachedDataset('tweets', options);
    expect(after.rows.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(parseCount()).toBe(parses + 1);
  });

  it('parses only the file dropped in, or changed, and keeps one entry per file', async () => {
    const options = project();
    await cachedDataset('tweets', options);
    const entries = () =>
      readdirSync(options.cacheDir)
        .filter((f) => f.startsWith('tweets~'))
        .map((f) => f.replace(/-[0-9a-f]{32}\.v8$/, ''))
        .sort();
    const lastRecord = () =>
      takeLoadRecords()
        .filter((r) => r.id === 'tweets')
        .at(-1);
    takeLoadRecords();

    // Dropped in, with the manifest's "collected" brought up to date (and its description edited), as the README
    // says: b.csv is parsed, a.csv's records come from the cache.
    const manifestPath = join(options.dataDir, 'tweets', 'manifest.yaml');
    const manifest = readFileSync(manifestPath, 'utf8');
    writeFileSync(
      manifestPath,
      manifest.replace(/collected: \S+/, 'collected: 2016-09-30').replace(/description: .*/, 'description: This week too.'),
    );
    writeFileSync(
      join(options.dataDir, 'tweets', 'b.csv'),
      'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n2,2016-07-02T10:00:00Z,b,#Blue\n',
    );
    clearMemoryCache();
    let parses = parseCount();
    const dropped = await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses + 1);
    // Duplicates across files are counted once, in file order, as when everything is parsed.
    expect(dropped.rows.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(dropped.kind === 'posts' && dropped.duplicates).toBe(1);
    expect(lastRecord()).toMatchObject({
      cache: 'partial',
      parsed: 1,
      rows: 3,
      files: 2,
      period: ['2016-07-01T10:00:00.000Z', '2016-07-03T10:00:00.000Z'],
    });
    expect(entries()).toEqual(['tweets~a.csv', 'tweets~b.csv']);

    // Changed: only a.csv is parsed again, and its old entry replaced.
    writeFileSync(join(options.dataDir, 'tweets', 'a.csv'), 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red one\n');
    clearMemoryCache();
    parses = parseCount();
    const changed = await cachedDataset('tweets', options);
    expect(changed.rows.map((r) => [r.id, r.text])).toEqual([
      ['1', '#Red one'],
      ['3', '#Red'],
      ['2', '#Blue'],
    ]);
    expect(parseCount()).toBe(parses + 1);
    expect(entries()).toEqual(['tweets~a.csv', 'tweets~b.csv']);

    // Removed: nothing to parse, and the removed file's entry goes.
    rmSync(join(options.dataDir, 'tweets', 'b.csv'));
    clearMemoryCache();
    parses = parseCount();
    expect((await cachedDataset('tweets', options)).rows.map((r) => r.id)).toEqual(['1']);
    expect(parseCount()).toBe(parses);
    expect(lastRecord()).toMatchObject({ cache: 'hit', parsed: 0, files: 1 });
    expect(entries()).toEqual(['tweets~a.csv']);

    // "collected" moved before a kept post: the file is read again, and the post refused at its line.
    writeFileSync(manifestPath, manifest.replace(/collected: \S+/, 'collected: 2016-06-20'));
    clearMemoryCache();
    await expect(cachedDataset('tweets', options)).rejects.toThrow(
      /^data\/tweets\/a\.csv:2:2: "created_at" is 2016-07-01T10:00:00Z, after the day/,
    );
  });

  it('records a refused load as failed, with its problems counted, over the numbers it gave before', async () => {
    const options = project();
    await cachedDataset('tweets', options);
    takeLoadRecords();
    // A page reads the dataset again (astro dev), then a file with two bad rows is dropped in.
    await cachedDataset('tweets', options);
    writeFileSync(join(options.dataDir, 'tweets', 'b.csv'), 'id,created_at,user,text\n3,31/02/16,c,#Red\n4,soon,d,#Red\n');
    await expect(cachedDataset('tweets', options)).rejects.toThrow(/^data\/tweets\/b\.csv:2:2: /);
    const records = takeLoadRecords();
    await countProblems(records, options);
    expect(records).toEqual([expect.objectContaining({ id: 'tweets', cache: 'failed', rows: 0, files: 0, problems: 2 })]);
    // A dataset that is not there is the post's mistake, not a failed load.
    await expect(cachedDataset('nothing', options)).rejects.toThrow(/There is no dataset "nothing"/);
    expect(takeLoadRecords()).toEqual([]);
  });

  it('does not count the problems of a dataset past 32 MB, which would read every file again before the build stops', async () => {
    const options = project();
    writeFileSync(join(options.dataDir, 'tweets', 'b.csv'), 'id,created_at,user,text\n3,31/02/16,c,#Red\n4,soon,d,#Red\n');
    await expect(cachedDataset('tweets', options)).rejects.toThrow(/^data\/tweets\/b\.csv:2:2: /);
    // A large file beside it: sparse, so its size costs nothing to make (and nothing reads it).
    writeFileSync(join(options.dataDir, 'tweets', 'c.txt'), '');
    truncateSync(join(options.dataDir, 'tweets', 'c.txt'), COUNTED_PROBLEMS_MAX_BYTES);
    const records = takeLoadRecords();
    await countProblems(records, options);
    expect(records.map((r) => [r.id, r.cache, r.problems])).toEqual([['tweets', 'failed', undefined]]);
  });

  it('names the files added, removed and changed since the dataset was last read with the same cache', async () => {
    const options = project();
    const tweets = join(options.dataDir, 'tweets');
    writeFileSync(join(tweets, 'c.csv'), 'id,created_at,user,text\n5,2016-07-05T10:00:00Z,e,#Red\n');
    // A read, as the content loader does it: the summary's records, then the file lists kept.
    const read = async ({ build = true, keep = true } = {}) => {
      if (build) clearMemoryCache(); // a new build; else a re-load in astro dev
      takeLoadRecords();
      await cachedDataset('tweets', options);
      const records = takeLoadRecords();
      if (keep) keepFileLists(records, options);
      return records[0]?.since;
    };
    // First read: nothing to compare with.
    expect(await read()).toBeUndefined();
    expect(await read()).toEqual({ added: [], removed: [], changed: [] });
    // One file removed and another added in one go, a third changed.
    rmSync(join(tweets, 'a.csv'));
    writeFileSync(join(tweets, 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n');
    writeFileSync(join(tweets, 'c.csv'), 'id,created_at,user,text\n5,2016-07-06T10:00:00Z,e,#Red\n');
    // `npm run check` reads the data too, but keeps no list: the build after it still names the changes.
    await read({ keep: false });
    expect(await read()).toEqual({ added: ['b.csv'], removed: ['a.csv'], changed: ['c.csv'] });
    // Within one process too (astro dev's re-loads), each against the read before it.
    rmSync(join(tweets, 'b.csv'));
    expect(await read({ build: false })).toEqual({ added: [], removed: ['b.csv'], changed: [] });
    // A failed read keeps the last good list: the next good one names every change since it.
    writeFileSync(join(tweets, 'd.csv'), 'id,created_at,user,text\n6,soon,f,#Red\n');
    await expect(read()).rejects.toThrow(/d\.csv:2:2/);
    writeFileSync(join(tweets, 'd.csv'), 'id,created_at,user,text\n6,2016-07-07T10:00:00Z,f,#Red\n');
    expect(await read()).toEqual({ added: ['d.csv'], removed: [], changed: [] });
  });

  it('keeps a file list per data folder: two data folders sharing one cache do not evict each other', async () => {
    const options = project();
    // A second data folder (SOUNDINGS_DATA_DIR pointing elsewhere) with a dataset of the same name, same cache.
    const other = { ...options, dataDir: join(options.root, 'elsewhere') };
    cpSync(options.dataDir, other.dataDir, { recursive: true });
    const read = async (o: typeof options) => {
      clearMemoryCache();
      takeLoadRecords();
      await cachedDataset('tweets', o);
      const records = takeLoadRecords();
      keepFileLists(records, o);
      return records[0]?.since;
    };
    await read(options);
    await read(other);
    writeFileSync(join(options.dataDir, 'tweets', 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n');
    writeFileSync(join(other.dataDir, 'tweets', 'c.csv'), 'id,created_at,user,text\n4,2016-07-04T10:00:00Z,d,#Red\n');
    expect(await read(options)).toEqual({ added: ['b.csv'], removed: [], changed: [] });
    expect(await read(other)).toEqual({ added: ['c.csv'], removed: [], changed: [] });
  });

  it('never trusts a corrupt entry: it is ignored, the data parsed again and the entry rewritten', async () => {
    const options = project();
    const good = await cachedDataset('tweets', options);
    const [entry] = readdirSync(options.cacheDir);
    const path = join(options.cacheDir, entry as string);
    // Same length, one changed byte: an edited post text in the cached rows, which would still deserialise.
    const bytes = readFileSync(path);
    const at = bytes.indexOf('#Red one');
    expect(at).toBeGreaterThan(0);
    bytes[at + 2] = 'o'.charCodeAt(0);
    writeFileSync(path, bytes);
    clearMemoryCache();
    const parses = parseCount();
    const reread = await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses + 1);
    expect(reread).toEqual(good);
    expect(reread.rows[0]?.text).toBe('#Red one');
    // Rewritten: the next process reads it without parsing.
    clearMemoryCache();
    await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses + 1);
    // A truncated entry (a crash mid-write elsewhere) is recovered from too.
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    clearMemoryCache();
    expect((await cachedDataset('tweets', options)).rows).toHaveLength(2);
    expect(parseCount()).toBe(parses + 2);
  });

  it('recognises a renamed file by its content: not parsed again, its records as a fresh parse of the new name', async () => {
    const options = project();
    const tweets = join(options.dataDir, 'tweets');
    writeFileSync(join(tweets, 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n');
    await cachedDataset('tweets', options);
    renameSync(join(tweets, 'a.csv'), join(tweets, '2016-07.csv'));
    clearMemoryCache();
    takeLoadRecords();
    const parses = parseCount();
    const renamed = await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses);
    expect(takeLoadRecords()).toEqual([expect.objectContaining({ id: 'tweets', cache: 'hit', parsed: 0, files: 2 })]);
    expect(renamed).toEqual(await loadDataset('tweets', options));
    expect(renamed.files.map((f) => f.path)).toEqual(['data/tweets/2016-07.csv', 'data/tweets/b.csv']);
    // Kept under the new name (the next build finds it by name), the old name's entry gone.
    expect(entries(options.cacheDir, 'tweets')).toEqual(['tweets~2016-07.csv', 'tweets~b.csv']);
    clearMemoryCache();
    await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses);
    // A problem found in a reused file names it as it is called now: b.csv reads post 1 at another time first.
    writeFileSync(join(tweets, '2016-06.csv'), 'id,created_at,user,text\n1,2016-06-30T10:00:00Z,a,#Red\n');
    renameSync(join(tweets, '2016-07.csv'), join(tweets, 'c.csv'));
    clearMemoryCache();
    await expect(cachedDataset('tweets', options)).rejects.toThrow(
      /^data\/tweets\/c\.csv:2:1: The id "1" was already read for a post at another time \(first read at data\/tweets\/2016-06\.csv:2, for a post at 2016-06-30T10:00:00Z; this one is at /,
    );
    expect(parseCount()).toBe(parses + 1);
  });

  it('reads a renamed file as its new extension says: a CSV renamed .tsv is read as TSV, not taken from the cache', async () => {
    const options = project();
    const tweets = join(options.dataDir, 'tweets');
    await cachedDataset('tweets', options);
    renameSync(join(tweets, 'a.csv'), join(tweets, 'a.tsv'));
    clearMemoryCache();
    await expect(cachedDataset('tweets', options)).rejects.toThrow(/^data\/tweets\/a\.tsv:1:1: This file looks comma-separated/);
  });

  it('finds the entries of two files that swapped names', async () => {
    const options = project();
    const tweets = join(options.dataDir, 'tweets');
    writeFileSync(join(tweets, 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n');
    await cachedDataset('tweets', options);
    renameSync(join(tweets, 'a.csv'), join(tweets, 'swap.csv'));
    renameSync(join(tweets, 'b.csv'), join(tweets, 'a.csv'));
    renameSync(join(tweets, 'swap.csv'), join(tweets, 'b.csv'));
    clearMemoryCache();
    const parses = parseCount();
    expect((await cachedDataset('tweets', options)).rows.map((r) => r.id)).toEqual(['3', '1', '2']);
    expect(parseCount()).toBe(parses);
    // Each kept under its new name: the next build reads both by name.
    clearMemoryCache();
    await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses);
    expect(entries(options.cacheDir, 'tweets')).toEqual(['tweets~a.csv', 'tweets~b.csv']);
  });

  it("locates an account in a renamed file at the file's new name", async () => {
    const options = project();
    const people = join(options.dataDir, 'people');
    await cachedDataset('people', options);
    renameSync(join(people, 'a.csv'), join(people, 'c.csv'));
    clearMemoryCache();
    const parses = parseCount();
    expect((await cachedDataset('people', options)).rows.map((r) => r.id)).toEqual(['ann', 'bob']);
    expect(parseCount()).toBe(parses);
    // bob in b.csv (parsed), then again in c.csv (its records reused): the duplicate is at c.csv's line.
    writeFileSync(join(people, 'b.csv'), 'id,name,platform,followers\nbob,Bob,x,20\n');
    clearMemoryCache();
    await expect(cachedDataset('people', options)).rejects.toThrow(
      /^data\/people\/c\.csv:3:1: The account id "bob" was already used at data\/people\/b\.csv:2\./,
    );
    expect(parseCount()).toBe(parses + 1);
  });

  it('keeps the entries of a dataset whose name holds "~" apart from those of the dataset named by its first part', async () => {
    const options = project();
    const t = join(options.dataDir, 't');
    const old = join(options.dataDir, 't~old');
    for (const dir of [t, old]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'manifest.yaml'), readFileSync(join(options.dataDir, 'tweets', 'manifest.yaml')));
    }
    writeFileSync(join(t, 'x.csv'), 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n');
    writeFileSync(join(old, 'y.csv'), 'id,created_at,user,text\n2,2016-07-02T10:00:00Z,b,#Red\n');
    await cachedDataset('t~old', options);
    await cachedDataset('t', options);
    expect(
      readdirSync(options.cacheDir)
        .map((f) => f.replace(/-[0-9a-f]{32}\.v8$/, ''))
        .sort(),
    ).toEqual(['t%7Eold~y.csv', 't~x.csv']);
    clearMemoryCache();
    const parses = parseCount();
    await cachedDataset('t~old', options);
    await cachedDataset('t', options);
    expect(parseCount()).toBe(parses);
  });

  it('in astro dev, writes back the entries of the files it takes from memory when the cache folder was deleted', async () => {
    const options = project();
    const tweets = join(options.dataDir, 'tweets');
    writeFileSync(join(tweets, 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T10:00:00Z,c,#Red\n');
    await cachedDataset('tweets', options);
    rmSync(options.cacheDir, { recursive: true, force: true });
    // b.csv changed: parsed and written; a.csv's records from memory, and its entry written back.
    writeFileSync(join(tweets, 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T11:00:00Z,c,#Red\n');
    let parses = parseCount();
    await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses + 1);
    expect(entries(options.cacheDir, 'tweets')).toEqual(['tweets~a.csv', 'tweets~b.csv']);
    // An entry that is there is not written again.
    const aEntry = () =>
      statSync(join(options.cacheDir, readdirSync(options.cacheDir).find((f) => f.startsWith('tweets~a.csv-')) as string));
    const written = aEntry();
    writeFileSync(join(tweets, 'b.csv'), 'id,created_at,user,text\n3,2016-07-03T12:00:00Z,c,#Red\n');
    await cachedDataset('tweets', options);
    expect([aEntry().ino, aEntry().mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    // The next build (a new process) parses nothing.
    clearMemoryCache();
    takeLoadRecords();
    parses = parseCount();
    const next = (await cachedDataset('tweets', options)) as PostsDataset;
    expect(parseCount()).toBe(parses);
    expect(takeLoadRecords()).toEqual([expect.objectContaining({ id: 'tweets', cache: 'hit', parsed: 0, files: 2 })]);
    expect(next.rows.map((r) => [r.id, new Date(r.time).toISOString()])).toEqual([
      ['1', '2016-07-01T10:00:00.000Z'],
      ['2', '2016-07-02T10:00:00.000Z'],
      ['3', '2016-07-03T12:00:00.000Z'],
    ]);
  });

  it('in astro dev, takes a renamed file from memory, and keeps it on the disk under its new name', async () => {
    const options = project();
    const tweets = join(options.dataDir, 'tweets');
    await cachedDataset('tweets', options);
    rmSync(options.cacheDir, { recursive: true, force: true });
    renameSync(join(tweets, 'a.csv'), join(tweets, 'c.csv'));
    const parses = parseCount();
    expect((await cachedDataset('tweets', options)).rows.map((r) => r.id)).toEqual(['1', '2']);
    expect(parseCount()).toBe(parses);
    expect(entries(options.cacheDir, 'tweets')).toEqual(['tweets~c.csv']);
    clearMemoryCache();
    await cachedDataset('tweets', options);
    expect(parseCount()).toBe(parses);
  });
});

/** The error a promise rejects with. */
const rejection = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('a load stopped by a problem in the data', () => {
  const BAD = 'date,share\n2016-08-01,0.62\n2016-08-02,lots\n';

  it('is thrown again while the data is unchanged, without parsing the file again; fixed, the file is read', async () => {
    const options = project();
    const polls = join(options.dataDir, 'polls', 'p.csv');
    writeFileSync(polls, BAD);
    takeLoadRecords();
    const parses = parseCount();
    const first = await rejection(cachedDataset('polls', options));
    expect((first as SoundingsError).message).toMatch(/^data\/polls\/p\.csv:3:\d+: /);
    expect(parseCount()).toBe(parses + 1);
    // Another post, or a re-render under `astro dev` with the data as it was: the same error, nothing parsed. A new
    // error, as a new load's was: of the caller's module graph's SoundingsError class (Astro loads several).
    const again = await rejection(cachedDataset('polls', options));
    expect(again).toBeInstanceOf(SoundingsError);
    expect(again).not.toBe(first);
    expect((again as SoundingsError).message).toBe((first as SoundingsError).message);
    expect(parseCount()).toBe(parses + 1);
    expect(takeLoadRecords()).toEqual([expect.objectContaining({ id: 'polls', cache: 'failed' })]);
    // What the second thread hands over: the error as plain data (structured-clone-safe) and the state it is true of;
    // for the error a load threw again too.
    expect(failureToHand('polls', options, again)).toEqual(failureToHand('polls', options, first));
    const handed = failureToHand('polls', options, first);
    // Only for the error the load rejected with: another (a bug's) is not handed over in its place.
    expect(failureToHand('polls', options, new Error('a bug'))).toBeUndefined();
    expect(handed?.state).toBe(loadState('polls', options));
    expect(structuredClone(handed?.error)).toEqual(sentError(first as SoundingsError));
    writeFileSync(polls, BAD.replace('lots', '0.3'));
    expect((await cachedDataset('polls', options)).rows).toHaveLength(2);
    expect(parseCount()).toBe(parses + 2);
    expect(failureToHand('polls', options, first)).toBeUndefined();
  });

  /** Has dataset `id` of `options` look read ahead by the second thread, with `done`. */
  const aheadOf = (options: ReturnType<typeof project>, id: string, done: ReadAhead) =>
    readingAhead(options.dataDir, id, () => Promise.resolve(done));
  /** A problem the worker found (another than this data has: what is thrown is what was handed over). */
  const problem = () => error(BadNumber, { file: 'data/polls/p.csv', line: 9, column: 2 }, 'share', 'a \u001b[2J cell', 'number');

  it("reports the second thread's problem as that thread found it, only for the data as it read it", async () => {
    const options = project();
    const handed = problem();
    // Handed over for the data as it is: thrown as the worker threw it, the same class and message, nothing parsed.
    aheadOf(options, 'polls', {
      parsed: 1,
      ms: 1500,
      failed: { state: loadState('polls', options) ?? '', error: sentError(handed), ms: 1500 },
    });
    takeLoadRecords();
    const parses = parseCount();
    const thrown = await rejection(cachedDataset('polls', options));
    expect(thrown).toBeInstanceOf(SoundingsError);
    expect((thrown as SoundingsError).message).toBe(handed.message);
    expect((thrown as SoundingsError).message).toContain('data/polls/p.csv:9:2: ');
    expect((thrown as SoundingsError).location).toEqual(handed.location);
    expect(parseCount()).toBe(parses);
    // The summary's time is the worker's, which found it.
    expect(takeLoadRecords()).toEqual([expect.objectContaining({ id: 'polls', cache: 'failed', ms: 1500 })]);

    // For data in another state (the file edited since the worker read it): read here, and it is good.
    aheadOf(options, 'tweets', { parsed: 1, ms: 1500, failed: { state: 'an older state', error: sentError(handed), ms: 1500 } });
    expect((await cachedDataset('tweets', options)).rows).toHaveLength(2);
    expect(parseCount()).toBe(parses + 1);

    // A worker that failed otherwise (a bug, the heap run out) hands nothing over: read here, as before.
    aheadOf(options, 'people', { parsed: 0, ms: 0 });
    expect((await cachedDataset('people', options)).rows).toHaveLength(2);
    expect(parseCount()).toBe(parses + 2);
  });
});

/** The dataset's cache entries, by name (data file). */
describe('keepLoadRecord(record): the load the build summary keeps', () => {
  const load = (cache: LoadRecord['cache'], parsed: number, digest = 'd1'): LoadRecord => ({
    id: 'tweets',
    digest,
    rows: cache === 'failed' ? 0 : 4,
    files: 2,
    ms: 10,
    cache,
    parsed,
  });
  const kept = (...records: LoadRecord[]) => {
    takeLoadRecords();
    for (const r of records) keepLoadRecord(r);
    return takeLoadRecords().map((r) => [r.cache, r.parsed, r.digest]);
  };

  it('keeps the load that parsed, over a later read of its cache or memory (the second thread parsed, this one read)', () => {
    expect(kept(load('miss', 2), load('hit', 0))).toEqual([['miss', 2, 'd1']]);
    expect(kept(load('partial', 1), load('miss', 2))).toEqual([['miss', 2, 'd1']]);
    expect(kept(load('hit', 0), load('memory', 0))).toEqual([['hit', 0, 'd1']]);
  });

  it('keeps a failure over a read of the last good data from memory, and the data read again once it changed', () => {
    expect(kept(load('failed', 0, ''), load('memory', 0))).toEqual([['failed', 0, '']]);
    expect(kept(load('miss', 2), load('hit', 0, 'd2'))).toEqual([['hit', 0, 'd2']]);
  });
});

const entries = (cacheDir: string, id: string) =>
  readdirSync(cacheDir)
    .filter((f) => f.startsWith(`${id}~`))
    .map((f) => f.replace(/-[0-9a-f]{32}\.v8$/, ''))
    .sort();
