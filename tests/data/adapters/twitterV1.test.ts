import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileRecords, loadDataset } from '../../../src/data/loadDataset.ts';
import type { Post, PostsDataset } from '../../../src/data/types.ts';
import { tempProject } from '../helpers.ts';
import { fixture, iso, load, manifest } from './helpers.ts';

describe('twitter-v1 adapter (legacy JSON lines)', async () => {
  const ds = await load('twitter-v1', { 'stream.ndjson': fixture('twitter-v1.ndjson') });

  it('reads id_str, v1 timestamps with offsets, entities, and skips stream control messages', async () => {
    expect(ds.rows.map((p) => p.id)).toEqual(['753289326347673600', '753289326347673601', '753289326347673602']);
    const [tweet] = ds.rows as [Post];
    expect(iso(tweet)).toBe('2016-07-13T18:04:31.000Z');
    expect(tweet).toMatchObject({
      author: 'red_rose_ann',
      hashtags: ['KeepCorbyn'],
      mentions: ['Momentum'],
      urls: ['http://example.org/rally'],
      metrics: { reposts: 4, likes: 9 },
    });
  });

  it('turns a +0100 timestamp into UTC and takes a retweet’s content from retweeted_status', async () => {
    const rt = ds.rows[1] as Post;
    expect(iso(rt)).toBe('2016-07-13T19:15:00.000Z');
    expect(rt).toMatchObject({ author: 'bob_b', repostOf: '753289326347673600', hashtags: ['KeepCorbyn'], mentions: ['Momentum'] });
    expect(rt.text.startsWith('RT ')).toBe(false);
  });

  it('reads an extended tweet’s full_text and entities instead of the truncated text', async () => {
    const long = ds.rows[2] as Post;
    expect(long.text.endsWith('#SavingLabour #LabourLeadership')).toBe(true);
    expect(long.hashtags).toEqual(['SavingLabour', 'LabourLeadership']);
    expect(long.replyTo).toBe('753289326347673600');
  });

  it('leaves out a tweet a delete notice names, before or after it and in another file, with its retweets', async () => {
    const lines = fixture('twitter-v1.ndjson').trim().split('\n');
    const notice = (id: string) => JSON.stringify({ delete: { status: { id: Number(id), id_str: id, user_id: 2, user_id_str: '2' } } });
    const kept = '{"id_str":"7","created_at":"Wed Jul 13 21:00:00 +0000 2016","text":"#KeepCorbyn","user":{"screen_name":"c"}}';
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      // The original (…600) is deleted in a later file; its retweet (…601) goes with it; …602 is deleted before it is read.
      'data/x/a.ndjson': `${notice('753289326347673602')}\n${lines.join('\n')}\n${kept}\n`,
      'data/x/b.ndjson': `${notice('753289326347673600')}\n`,
    });
    // Read twice through a file cache: the notices are kept with the file's records.
    const entries = new Map<string, FileRecords>();
    const fileCache = {
      get: (file: string, key: string) => entries.get(file + key),
      set: (file: string, key: string, r: FileRecords) => void entries.set(file + key, r),
    };
    for (const read of ['parsed', 'cached']) {
      const withDeletes = (await loadDataset('x', { root, dataDir: join(root, 'data'), fileCache })) as PostsDataset;
      expect(
        withDeletes.rows.map((p) => p.id),
        read,
      ).toEqual(['7']);
      expect(withDeletes.deleted, read).toBe(3);
    }
    expect(entries.size).toBe(2);
    expect(ds.deleted).toBe(0);
  });

  it('points at the line of a tweet without a user', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      'data/x/a.jsonl':
        '{"id_str":"1","created_at":"Wed Aug 27 13:08:45 +0000 2008","text":"a","user":{"screen_name":"a"}}\n{"id_str":"2","created_at":"Wed Aug 27 13:08:45 +0000 2008","text":"b"}\n',
    });
    await expect(loadDataset('x', { root, dataDir: join(root, 'data') })).rejects.toThrow(
      'data/x/a.jsonl:2:1: "user.screen_name" is empty.',
    );
  });

  it('says a tweet without "id_str" has none, that v1.1 ids are read from it, and points at its numeric "id"', async () => {
    const SAYS =
      'v1.1 ids are read from "id_str", since the numeric "id" is rounded by JSON readers (a tweet\'s since late 2010 is past 2^53, 9,007,199,254,740,992), so two tweets could be read as one. Export the tweets with "id_str", as the v1.1 API gives it (a tool that writes the JSON again may drop it); if a tool of your own wrote the file, have it keep "id_str".';
    const tweet = (fields: string) => `{"created_at":"Wed Aug 27 13:08:45 +0000 2008",${fields}"text":"a","user":{"screen_name":"a"}}`;
    const cases: [string, string][] = [
      [
        `${tweet('"id_str":"1",')}\n${tweet('"id":1876127686981434272,')}\n`,
        `data/x/a.jsonl:2:48: This tweet has no "id_str", only the numeric "id": ${SAYS}`,
      ],
      [`${tweet('')}\n`, `data/x/a.jsonl:1:1: This tweet has no "id_str": ${SAYS}`],
      [
        `{"id_str":"2","created_at":"Wed Aug 27 13:08:45 +0000 2008","text":"RT","user":{"screen_name":"b"},"retweeted_status":${tweet('"id":1,')}}\n`,
        `data/x/a.jsonl:1:166: This retweet's original tweet has no "retweeted_status.id_str", only the numeric "id": ${SAYS}`,
      ],
    ];
    for (const [text, says] of cases) {
      const root = tempProject({ 'data/x/manifest.yaml': manifest('twitter-v1'), 'data/x/a.jsonl': text });
      await expect(loadDataset('x', { root, dataDir: join(root, 'data') })).rejects.toThrow(says);
    }
  });

  it('refuses a malformed v1 date with the expected shape', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      'data/x/a.ndjson': '{"id_str":"1","created_at":"27/08/2008 13:08","text":"a","user":{"screen_name":"a"}}\n',
    });
    await expect(loadDataset('x', { root, dataDir: join(root, 'data') })).rejects.toThrow(
      'data/x/a.ndjson:1:15: "created_at" must be a time like "Wed Aug 27 13:08:45 +0000 2008", got "27/08/2008 13:08".',
    );
  });
});
