import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analysePost } from '../../../src/analysis/analysePost.ts';
import { checkDataset, type FileCache, type FileRecords, loadDataset, parsedFiles } from '../../../src/data/loadDataset.ts';
import type { Dataset, Post, PostsDataset } from '../../../src/data/types.ts';
import { frontmatterSchema } from '../../../src/markdown/frontmatter.ts';
import { tempProject } from '../helpers.ts';
import { fixture, load, manifest } from './helpers.ts';

describe('twitter-v2 adapter', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const ds = await load('twitter-v2', { 'page-1.json': fixture('twitter-v2.json') });
  const warned = warn.mock.calls.map(([m]) => String(m).split(' (no page')[0]);
  warn.mockRestore();

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
    // No other page names 77 either: the load says so once, at its author_id.
    expect(warned).toEqual(['data/x/page-1.json:40:7: 1 post of x names its author by id only']);
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

describe('twitter-v2: an author named by id only takes the username any page of the dataset includes', () => {
  /** A v2 page (one NDJSON line) of tweets [id, author_id, hashtag], with `includes.users` [id, username] when given. */
  const page = (tweets: [string, string, string][], users?: [string, string][]) =>
    JSON.stringify({
      data: tweets.map(([id, author, tag]) => ({
        id,
        author_id: author,
        created_at: `2024-07-0${id.slice(-1)}T10:00:00.000Z`,
        text: `#${tag}`,
      })),
      ...(users ? { includes: { users: users.map(([id, username]) => ({ id, username })) } } : {}),
      meta: { result_count: tweets.length },
    });
  /** Week a: a page without includes (ann's 1, bob's 2); week b: ann and bob included (3, 4); week c: none again (5). */
  const weeks = {
    'a.ndjson': `${page([['1', '11', 'Red']])}\n${page([['2', '22', 'Red']])}\n`,
    'b.ndjson': `${page(
      [
        ['3', '11', 'Red'],
        ['4', '22', 'Blue'],
      ],
      [
        ['11', 'ann'],
        ['22', 'bob'],
      ],
    )}\n`,
    'c.ndjson': `${page([['5', '22', 'Blue']])}\n`,
  };
  const root = (files: Record<string, string>) =>
    tempProject(
      Object.fromEntries([['data/x/manifest.yaml', manifest('twitter-v2')], ...Object.entries(files).map(([n, t]) => [`data/x/${n}`, t])]),
    );
  const authors = (ds: Dataset) => (ds as PostsDataset).rows.map((p) => [p.id, p.author]);
  const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('names the author from a page read after the post and from one read before it, without a warning', async () => {
    const warn = warnings();
    try {
      const r = root(weeks);
      expect(authors(await loadDataset('x', { root: r, dataDir: join(r, 'data') }))).toEqual([
        ['1', 'ann'],
        ['2', 'bob'],
        ['3', 'ann'],
        ['4', 'bob'],
        ['5', 'bob'],
      ]);
      expect(await checkDataset('x', { root: r, dataDir: join(r, 'data') })).toEqual([]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps an id no page names, warning once for the dataset at its first post (a load and a check)', async () => {
    const warn = warnings();
    try {
      // 33 and 44 are nobody's on any page: posts 6 and 7 (6 read again in c), and 8; 5's author 22 is named by b.
      const r = root({
        ...weeks,
        'c.ndjson': `${page([['5', '22', 'Blue']])}\n${page([
          ['6', '33', 'Red'],
          ['7', '33', 'Red'],
        ])}\n${page([
          ['6', '33', 'Red'],
          ['8', '44', 'Blue'],
        ])}\n`,
      });
      const ds = await loadDataset('x', { root: r, dataDir: join(r, 'data') });
      expect(authors(ds).slice(4)).toEqual([
        ['5', 'bob'],
        ['6', '33'],
        ['7', '33'],
        ['8', '44'],
      ]);
      const message =
        "data/x/c.ndjson:2:20: 3 posts of x name their author by id only (no page's includes.users has it): 2 accounts (the first \"33\") count by id, apart from any post that names them by username. Collect those pages again and request expansions=author_id, so that each page's includes.users names its posts' authors.";
      expect(warn.mock.calls).toEqual([[message]]);
      warn.mockClear();
      expect(await checkDataset('x', { root: r, dataDir: join(r, 'data') })).toEqual([]);
      expect(warn.mock.calls).toEqual([[message]]);
    } finally {
      warn.mockRestore();
    }
  });

  it('names the posts of a file whose records come from the cache by a file dropped in after it', async () => {
    const warn = warnings();
    try {
      const store = new Map<string, FileRecords>();
      const fileCache: FileCache = { get: (_file, key) => store.get(key), set: (_file, key, records) => void store.set(key, records) };
      const r = root({ 'a.ndjson': weeks['a.ndjson'] });
      const options = { root: r, dataDir: join(r, 'data'), fileCache };
      expect(authors(await loadDataset('x', options))).toEqual([
        ['1', '11'],
        ['2', '22'],
      ]);
      expect(warn.mock.calls.map(([m]) => String(m).split(' (no page')[0])).toEqual([
        'data/x/a.ndjson:1:20: 2 posts of x name their author by id only',
      ]);
      warn.mockClear();
      // The cache keeps what a.ndjson alone says (each author by id, where the first such post is): b names them.
      writeFileSync(join(r, 'data/x/b.ndjson'), weeks['b.ndjson']);
      const before = parsedFiles().get('data/x/a.ndjson');
      expect(authors(await loadDataset('x', options))).toEqual([
        ['1', 'ann'],
        ['2', 'bob'],
        ['3', 'ann'],
        ['4', 'bob'],
      ]);
      expect(parsedFiles().get('data/x/a.ndjson')).toBe(before);
      expect(warn).not.toHaveBeenCalled();
      // Without b, a kept a.ndjson warns again, at the same place.
      rmSync(join(r, 'data/x/b.ndjson'));
      expect(authors(await loadDataset('x', options))[0]).toEqual(['1', '11']);
      expect(warn.mock.calls.map(([m]) => String(m).split(':').slice(0, 3).join(':'))).toEqual(['data/x/a.ndjson:1:20']);
      expect(parsedFiles().get('data/x/a.ndjson')).toBe(before);
    } finally {
      warn.mockRestore();
    }
  });

  it('counts an account once in posts.authors however its pages name it', async () => {
    const r = root(weeks);
    const ds = await loadDataset('x', { root: r, dataDir: join(r, 'data') });
    const analysis = analysePost(
      frontmatterSchema.parse({
        title: 'T',
        date: '2024-07-20',
        author: 'A',
        summary: 'S',
        datasets: {},
        posts: 'x',
        campaigns: [
          { id: 'red', label: '#Red', hashtags: ['Red'], color: '#b3202a' },
          { id: 'blue', label: '#Blue', hashtags: ['Blue'], color: '#1f5f8b' },
        ],
      }),
      { x: ds },
      (path, message) => {
        throw new Error(`${path.join('.')}: ${message}`);
      },
    );
    // ann (1, 3) and bob (2, 4, 5): 2, where the ids counted apart made 4.
    expect(analysis.values.get('posts.authors')?.value).toBe(2);
  });
});
