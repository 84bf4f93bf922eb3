import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../../src/data/loadDataset.ts';
import { tempProject } from '../helpers.ts';
import { fixture, load, manifest } from './helpers.ts';

describe('posts dated after the manifest\'s "collected" day', () => {
  it('are refused in every social export, at the time field, naming the manifest line', async () => {
    const cases: [string, string, string][] = [
      ['mastodon', 'a.ndjson', '{"id":"1","created_at":"2036-06-23T10:00:00Z","account":{"acct":"a"},"content":"<p>hi</p>"}\n'],
      ['twitter-v1', 'a.ndjson', '{"id_str":"1","created_at":"Mon Jun 23 10:00:00 +0000 2036","text":"hi","user":{"screen_name":"a"}}\n'],
      ['twitter-v2', 'a.ndjson', '{"data":[{"id":"1","created_at":"2036-06-23T10:00:00Z","text":"hi","author_id":"9"}]}\n'],
      [
        'bluesky',
        'a.ndjson',
        '{"uri":"at://did:plc:a/app.bsky.feed.post/1","value":{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2036-06-23T10:00:00Z"}}\n',
      ],
    ];
    for (const [format, name, text] of cases) {
      const root = tempProject({ 'data/x/manifest.yaml': manifest(format), [`data/x/${name}`]: text });
      const message = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
      expect(message, format).toEqual([
        expect.stringMatching(
          /^data\/x\/a\.ndjson:1:\d+: "[\w.]*(created_at|createdAt)" is .*2036.*, after the day the manifest says the data was collected \(collected: 2024-09-02, data\/x\/manifest\.yaml:6:1\)/,
        ),
      ]);
    }
    // The day after "collected" is still allowed (the collector's timezone).
    const root = tempProject({
      'data/x/manifest.yaml': manifest('mastodon'),
      'data/x/a.ndjson': '{"id":"1","created_at":"2024-09-03T23:59:59Z","account":{"acct":"a"},"content":"<p>hi</p>"}\n',
    });
    expect(await checkDataset('x', { root, dataDir: join(root, 'data') })).toEqual([]);
  });
});

describe('posts dated before 1990', () => {
  it('are refused in every social export, at the time field: the Unix epoch, a missing time', async () => {
    const cases: [string, string][] = [
      ['mastodon', '{"id":"1","created_at":"1970-01-01T00:00:00.000Z","account":{"acct":"a"},"content":"<p>hi</p>"}\n'],
      ['twitter-v1', '{"id_str":"1","created_at":"Thu Jan 01 00:00:00 +0000 1970","text":"hi","user":{"screen_name":"a"}}\n'],
      ['twitter-v2', '{"data":[{"id":"1","created_at":"0001-01-01T00:00:00Z","text":"hi","author_id":"9"}]}\n'],
      [
        'bluesky',
        '{"uri":"at://did:plc:a/app.bsky.feed.post/1","value":{"$type":"app.bsky.feed.post","text":"hi","createdAt":"1970-01-01T00:00:00Z"}}\n',
      ],
    ];
    for (const [format, text] of cases) {
      const root = tempProject({ 'data/x/manifest.yaml': manifest(format), 'data/x/a.ndjson': text });
      const message = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
      expect(message, format).toEqual([
        expect.stringMatching(
          /^data\/x\/a\.ndjson:1:\d+: "[\w.]*(created_at|createdAt)" is [^,]*(1970|0001)[^,]*, before 1990-01-01, the earliest day a post may have: 1970-01-01 \(the Unix epoch/,
        ),
      ]);
    }
    const root = tempProject({
      'data/x/manifest.yaml': manifest('mastodon'),
      'data/x/a.ndjson': '{"id":"1","created_at":"1990-01-01T00:00:00Z","account":{"acct":"a"},"content":"<p>hi</p>"}\n',
    });
    expect(await checkDataset('x', { root, dataDir: join(root, 'data') })).toEqual([]);
  });
});

describe('an id that is not text', () => {
  it('says a numeric v2 id was rounded, rather than that it is empty, and skips user-stream messages', async () => {
    const page = '{"data":[{"id":753289326347673601,"text":"x","author_id":"1","created_at":"2016-07-13T18:04:31.000Z"}]}';
    await expect(load('twitter-v2', { 'page.json': page })).rejects.toThrow(
      /^data\/x\/page\.json:1:\d+: "id" reads as 753289326347673600: a number too long to be read exactly/,
    );
    const line = fixture('twitter-v1.ndjson').split('\n')[0] as string;
    const ds = await load('twitter-v1', { 'stream.ndjson': `{"friends":[1,2,3]}\n{"event":"favorite"}\n${line}\n` });
    expect(ds.rows).toHaveLength(1);
  });
});

describe('a social export time without a timezone', () => {
  const HINT =
    'must be an ISO date-time with a timezone (e.g. 2024-07-01T10:00:00.000Z; the platform\'s API always writes "Z" or an offset, so a time without one was edited, or written by a tool other than the API, such as a spreadsheet saving the file again: export it again from the API, or if its times are UTC, add "Z" to each)';
  it('says the API writes one, not to name a zone in the manifest (a social export has no field mapping): Mastodon, Bluesky, X v2', async () => {
    const status = { id: '1', uri: 'https://m.example/s/1', created_at: '2024-07-01T10:00:00', account: { acct: 'a' }, content: 'x' };
    await expect(load('mastodon', { 'a.json': JSON.stringify([status]) })).rejects.toThrow(
      `data/x/a.json:1:42: "created_at" ${HINT}, got "2024-07-01T10:00:00". Fix or remove the row.`,
    );
    const record = {
      uri: 'at://did:plc:a/app.bsky.feed.post/1',
      value: { $type: 'app.bsky.feed.post', text: 'x', createdAt: '2024-07-01 10:00' },
    };
    await expect(load('bluesky', { 'a.json': JSON.stringify({ records: [record] }) })).rejects.toThrow(
      `"createdAt" ${HINT}, got "2024-07-01 10:00".`,
    );
    const tweet = { id: '1', text: 'x', author_id: '9', created_at: '2024-07-01T10:00:00.000' };
    await expect(load('twitter-v2', { 'a.json': JSON.stringify({ data: [tweet] }) })).rejects.toThrow(
      `"created_at" ${HINT}, got "2024-07-01T10:00:00.000".`,
    );
  });
});

describe('a social export time with an offset no time zone has', () => {
  it('says the offset is out of range, not that the time has none: Mastodon, and a v1 time', async () => {
    const status = { id: '1', uri: 'https://m.example/s/1', created_at: '2024-07-01T10:00:00+25:00', account: { acct: 'a' }, content: 'x' };
    await expect(load('mastodon', { 'a.json': JSON.stringify([status]) })).rejects.toThrow(
      'data/x/a.json:1:42: "created_at" must be a time whose offset from UTC is one a time zone has, from -12:00 to +14:00 (there is no +25:00), got "2024-07-01T10:00:00+25:00". Fix or remove the row.',
    );
    const tweet = { id_str: '1', created_at: 'Mon Jul 01 10:00:00 +2500 2024', text: 'x', user: { screen_name: 'a' } };
    await expect(load('twitter-v1', { 'a.json': JSON.stringify([tweet]) })).rejects.toThrow(
      '"created_at" must be a time whose offset from UTC is one a time zone has, from -12:00 to +14:00 (there is no +2500), got "Mon Jul 01 10:00:00 +2500 2024". Fix or remove the row.',
    );
  });
});
