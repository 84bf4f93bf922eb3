import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/loadDataset.ts';
import type { Post } from '../../../src/data/types.ts';
import { tempProject } from '../helpers.ts';
import { fixture, load, manifest } from './helpers.ts';

describe('twitter-v2 adapter', async () => {
  const ds = await load('twitter-v2', { 'page-1.json': fixture('twitter-v2.json') });

  it('normalises tweets with authors from includes.users, entities and metrics', async () => {
    expect(ds.rows).toHaveLength(3);
    const [first] = ds.rows;
    expect(first).toEqual({
      id: '1540000000000000001',
      time: Date.UTC(2024, 6, 4, 5, 58, 12),
      author: 'pollwatcher',
      text: 'Polls open at 7. Bring ID! #Vote2024 #GE2024 https://t.co/abc123 cc @ElectoralCommUK',
      hashtags: ['Vote2024', 'GE2024'],
      mentions: ['ElectoralCommUK'],
      urls: ['https://www.electoralcommission.org.uk/voter-id'],
      metrics: { reposts: 12, replies: 3, likes: 40, quotes: 1 },
    });
    expect(ds.manifest.fields.author).toContain('username');
  });

  it('counts a retweet as a post by the retweeter, with the original whole text and tags', async () => {
    const rt = ds.rows[1] as Post;
    expect(rt.author).toBe('ann_on');
    expect(rt.repostOf).toBe('1540000000000000001');
    // The retweet's own entities lost #GE2024 to truncation; the included original has both.
    expect(rt.hashtags).toEqual(['Vote2024', 'GE2024']);
    expect(rt.text.startsWith('Polls open')).toBe(true);
    expect(rt.metrics).toBeUndefined();
  });

  it('keeps an author id whose user is not included, and marks replies', async () => {
    const reply = ds.rows[2] as Post;
    expect(reply.author).toBe('77');
    expect(reply.replyTo).toBe('1540000000000000001');
    expect(reply.hashtags).toEqual([]);
  });

  it('reads one response per NDJSON line and ignores empty result pages', async () => {
    const line = JSON.stringify(JSON.parse(fixture('twitter-v2.json')));
    const paged = await load('twitter-v2', { 'pages.ndjson': `${line}\n{"meta":{"result_count":0}}\n` });
    expect(paged.rows.map((p) => p.id)).toEqual(ds.rows.map((p) => p.id));
  });

  it('names file:line:column and the field when created_at is missing', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v2'),
      'data/x/a.json': '{\n  "data": [\n    { "id": "1", "author_id": "2", "text": "hi" }\n  ]\n}\n',
    });
    await expect(loadDataset('x', { root, dataDir: join(root, 'data') })).rejects.toThrow('data/x/a.json:3:5: "created_at" is empty.');
  });
});
