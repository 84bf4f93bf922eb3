import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/data/adapters/mastodon.ts';
import type { Post } from '../../../src/data/types.ts';
import { fixture, load } from './helpers.ts';

describe('mastodon adapter', async () => {
  const ds = await load('mastodon', { 'statuses.json': fixture('mastodon.json') });

  it('turns HTML content into text: tags stripped first, entities decoded, paragraphs and breaks kept', async () => {
    const p = ds.rows[0] as Post;
    expect(p.text).toBe(
      'Fish & chips <script>alert(1)</script> at the count #GE2024\n\nResults: https://results.example/?a=1&b=2\ncc @bob',
    );
    // Server tags are lower-case; the author's casing comes from the text.
    expect(p.hashtags).toEqual(['GE2024']);
    expect(p.mentions).toEqual(['bob@other.example']);
    expect(p.urls).toEqual(['https://results.example/?a=1&b=2']);
    expect(p.metrics).toEqual({ reposts: 7, replies: 2, likes: 15 });
  });

  it('counts a boost as a post by the booster with the boosted content', async () => {
    const boost = ds.rows[1] as Post;
    expect(boost).toMatchObject({
      author: 'cy@elsewhere.example',
      repostOf: 'https://mastodon.example/users/ann/statuses/112345678901234567',
      hashtags: ['GE2024'],
    });
    expect(boost.text.startsWith('Fish & chips')).toBe(true);
    // A local account's acct ("ann") is written in full with its server, as every other server writes it.
    expect(ds.rows[0]).toMatchObject({
      id: 'https://mastodon.example/users/ann/statuses/112345678901234567',
      author: 'ann@mastodon.example',
    });
  });

  it('counts a status fetched from two servers once: by its uri, with the author in full on both', async () => {
    const status = (id: string, acct: string) => ({
      id,
      uri: 'https://mastodon.social/users/bob/statuses/110000000000000001',
      created_at: '2024-07-01T10:00:00.000Z',
      account: { acct, url: 'https://mastodon.social/@bob' },
      content: '<p>Save the tram <a href="https://x/tags/savethetram" class="mention hashtag" rel="tag">#<span>SaveTheTram</span></a></p>',
      tags: [{ name: 'savethetram' }],
    });
    const ds = await load('mastodon', {
      'mastodon-social.json': JSON.stringify([status('110000000000000001', 'bob')]),
      'fosstodon.json': JSON.stringify([status('112999000000000042', 'bob@mastodon.social')]),
    });
    expect(ds.rows).toHaveLength(1);
    expect(ds.duplicates).toBe(1);
    expect(ds.rows[0]?.author).toBe('bob@mastodon.social');
  });

  it('takes hashtags from the text when tags[] lacks them, and leaves custom emoji out of the text', async () => {
    const ds = await load('mastodon', {
      'statuses.json': JSON.stringify([
        {
          id: '5',
          created_at: '2024-07-01T10:00:00Z',
          account: { acct: 'cy@remote.example' },
          content:
            '<p>Go trams :tram_parrot: <a href="https://remote.example/tags/SaveTheTram" class="mention hashtag">#<span>SaveTheTram</span></a> :not_listed: #Buses</p>',
          tags: [{ name: 'buses' }],
          spoiler_text: 'CW :tram_parrot: politics',
          emojis: [{ shortcode: 'tram_parrot', url: 'https://remote.example/e.png' }],
        },
      ]),
    });
    expect(ds.rows[0]).toMatchObject({
      text: 'CW politics\n\nGo trams #SaveTheTram :not_listed: #Buses',
      hashtags: ['Buses', 'SaveTheTram'],
    });
  });

  it('never turns an attribute containing ">" into text', async () => {
    expect(htmlToText('<p><a title="a > b" href="x">link</a></p>')).toBe('link');
  });
});

describe('hashtags as each platform gives them', () => {
  it("mastodon: the author's accents and casing, where the server's tag name has them folded", async () => {
    const status = {
      id: '1',
      created_at: '2024-06-30T21:04:05Z',
      account: { acct: 'ann' },
      content:
        '<p><a href="https://m.example/tags/election" class="mention hashtag" rel="tag">#<span>Élection</span></a> <a href="https://m.example/tags/muller" class="mention hashtag" rel="tag">#<span>Müller</span></a></p>',
      tags: [{ name: 'election' }, { name: 'muller' }, { name: 'notintext' }],
    };
    const ds = await load('mastodon', { 'statuses.json': JSON.stringify([status]) });
    expect(ds.rows[0]?.hashtags).toEqual(['Élection', 'Müller', 'notintext']);
  });
});
