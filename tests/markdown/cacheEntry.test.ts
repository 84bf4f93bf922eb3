import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  ABANDONED_MS,
  entryKey,
  forgetCacheWarning,
  handCacheWarningsTo,
  hasEntry,
  readEntry,
  readEntryByKey,
  writeEntry,
} from '../../src/markdown/cacheEntry.ts';
import { tempProject } from '../data/helpers.ts';

/** An empty folder (the test run's TMPDIR is removed when it ends: tests/globalSetup.ts). */
const folder = () => tempProject({});

describe('writeEntry', () => {
  it('keeps one entry per name: writing a new key replaces the old one', () => {
    const dir = folder();
    const [a, b] = [entryKey('one'), entryKey('two')];
    writeEntry(dir, 'tweets~07.csv', a, { rows: 1 });
    writeEntry(dir, 'tweets~08.csv', a, { rows: 8 });
    writeEntry(dir, 'tweets~07.csv', b, { rows: 2 });
    expect(readdirSync(dir).sort()).toEqual([`tweets~07.csv-${b}.v8`, `tweets~08.csv-${a}.v8`]);
    expect(readEntry(dir, 'tweets~07.csv', a)).toBeUndefined();
    expect(readEntry(dir, 'tweets~07.csv', b)).toEqual({ rows: 2 });
  });

  it('sweeps the temporary files a killed build left an hour ago, not those of a build still writing', () => {
    const dir = folder();
    const key = entryKey('k');
    const now = Date.now();
    const abandoned = `tweets~07.csv-${key}.v8.4242.${now - ABANDONED_MS - 1000}.tmp`;
    const recent = `tweets~07.csv-${key}.v8.4243.${now - 5000}.tmp`;
    const otherName = `tweets~08.csv-${key}.v8.4244.${now - ABANDONED_MS - 1000}.tmp`;
    for (const file of [abandoned, recent, otherName]) writeFileSync(join(dir, file), 'half an entry');
    writeEntry(dir, 'tweets~07.csv', key, { rows: 1 });
    expect(existsSync(join(dir, abandoned))).toBe(false);
    expect(existsSync(join(dir, recent))).toBe(true);
    // Another entry's leftovers go when that entry is next written.
    expect(existsSync(join(dir, otherName))).toBe(true);
    writeEntry(dir, 'tweets~08.csv', key, { rows: 8 });
    expect(existsSync(join(dir, otherName))).toBe(false);
  });

  it('says once, naming the folder and what to do, when the cache cannot be written, and goes on (slower, not wrong)', () => {
    const file = join(folder(), 'not-a-folder');
    writeFileSync(file, 'x');
    const said: string[] = [];
    const spy = vi.spyOn(console, 'warn').mockImplementation((s) => said.push(String(s)));
    try {
      // Every entry of the build fails alike: the datasets', the profiles'.
      expect(() => writeEntry(join(file, 'cache'), 'tweets~07.csv', entryKey('k'), { rows: 1 })).not.toThrow();
      writeEntry(join(file, 'cache'), 'tweets~08.csv', entryKey('k'), { rows: 8 });
      writeEntry(join(file, 'profiles'), 'tweets', entryKey('k'), { rows: 9 });
    } finally {
      spy.mockRestore();
    }
    expect(said).toEqual([
      `Could not write the cache in ${file}/cache (ENOTDIR: not a directory, mkdir '${file}/cache'), so what this build parses is not kept: ` +
        'the next build parses every dataset again, slower but not wrong. Said once per build, however many cache entries fail. ' +
        'Make the folder writable (or free space on its disk), or point SOUNDINGS_CACHE_DIR at a folder that is.',
    ]);
    // The build's second thread hands it to the build's thread, which says it (once for both).
    forgetCacheWarning();
    const handed: string[][] = [];
    handCacheWarningsTo((dir, reason) => handed.push([dir, reason]));
    writeEntry(join(file, 'cache'), 'tweets~07.csv', entryKey('k'), { rows: 1 });
    writeEntry(join(file, 'cache'), 'tweets~08.csv', entryKey('k'), { rows: 8 });
    expect(handed).toEqual([[join(file, 'cache'), `ENOTDIR: not a directory, mkdir '${file}/cache'`]]);
  });
});

describe('readEntry', () => {
  it("refuses another entry's file copied over it: the checksum covers the name and key", () => {
    const dir = folder();
    const [july, august] = [entryKey('july'), entryKey('august')];
    writeEntry(dir, 'tweets~07.csv', july, { rows: 7 });
    writeEntry(dir, 'tweets~08.csv', august, { rows: 8 });
    const copy = (from: string, to: string) => writeFileSync(join(dir, to), readFileSync(join(dir, from)));
    copy(`tweets~07.csv-${july}.v8`, `tweets~08.csv-${august}.v8`);
    expect(readEntry(dir, 'tweets~08.csv', august)).toBeUndefined();
    expect(existsSync(join(dir, `tweets~08.csv-${august}.v8`))).toBe(false);
    expect(readEntry(dir, 'tweets~07.csv', july)).toEqual({ rows: 7 });
  });
});

describe('readEntryByKey', () => {
  it('finds a value by its key under another name, each candidate checked under its own name', () => {
    const dir = folder();
    const [july, august] = [entryKey('july'), entryKey('august')];
    writeEntry(dir, 'tweets~07.csv', july, { rows: 7 });
    writeEntry(dir, 'tweets~08.csv', august, { rows: 8 });
    writeEntry(dir, 'polls~07.csv', july, { rows: 1 });
    const tweets = (name: string) => name.startsWith('tweets~');
    expect(readEntryByKey(dir, july, tweets)).toEqual({ name: 'tweets~07.csv', value: { rows: 7 } });
    expect(readEntryByKey(dir, entryKey('september'), tweets)).toBeUndefined();
    // July's entry copied under another name with the same key (a hand-made "rename"), and the real one gone: the
    // copy is refused and removed, not taken for July's records.
    const copy = `tweets~2016-07.csv-${july}.v8`;
    writeFileSync(join(dir, copy), readFileSync(join(dir, `tweets~07.csv-${july}.v8`)));
    rmSync(join(dir, `tweets~07.csv-${july}.v8`));
    expect(hasEntry(dir, 'tweets~2016-07.csv', july)).toBe(true);
    expect(readEntryByKey(dir, july, tweets)).toBeUndefined();
    expect(hasEntry(dir, 'tweets~2016-07.csv', july)).toBe(false);
    // Another dataset's entry with the key is not among those asked for.
    expect(readEntryByKey(dir, july, (name) => name.startsWith('polls~'))).toEqual({ name: 'polls~07.csv', value: { rows: 1 } });
  });
});
