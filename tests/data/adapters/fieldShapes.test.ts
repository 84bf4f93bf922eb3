/**
 * A social export whose entity lists are of another shape than its format's (a hand-edited file, another tool's
 * export under the wrong `format`) is refused where the field is, naming it and what it holds: read as an empty
 * list, the posts' hashtags would count for no campaign, and the numbers would be wrong without a word.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/loadDataset.ts';
import { tempProject } from '../helpers.ts';
import { manifest } from './helpers.ts';

/** The error loading dataset "x" in `format` from `name` gives (none: the empty string). */
async function refusal(format: string, name: string, text: string): Promise<string> {
  const root = tempProject({ 'data/x/manifest.yaml': manifest(format), [`data/x/${name}`]: text });
  return loadDataset('x', { root, dataDir: join(root, 'data') }).then(
    () => '',
    (e: Error) => e.message,
  );
}

const V1 = '{"id_str":"1","created_at":"Wed Aug 27 13:08:45 +0000 2008","text":"#Red now","user":{"screen_name":"a"},';

describe("the X/Twitter, Mastodon and Bluesky adapters' entity lists", () => {
  it('refuses a v1.1 tweet whose entities.hashtags is not a list, at the field', async () => {
    expect(await refusal('twitter-v1', 'a.ndjson', `${V1}"entities":{"hashtags":{"text":"Red"}}}\n`)).toBe(
      'data/x/a.ndjson:1:118: "entities.hashtags" must be a list, but this post\'s is an object with the key "text": read as none, its hashtags would count for no campaign. Check that the file is the export manifest.yaml\'s "format" names (see README, "Social exports"), or export the posts again: Soundings does not guess what a field of another shape means.',
    );
  });

  it("refuses a hashtag entity that is not an object with its text, at the item; a retweet's at its original", async () => {
    expect(await refusal('twitter-v1', 'a.ndjson', `${V1}"entities":{"hashtags":[{"text":"Red"},"Blue"]}}\n`)).toMatch(
      /^data\/x\/a\.ndjson:1:145: "entities\.hashtags\[1\]" must be an object with a text "text", but this post's is the text "Blue"/,
    );
    const retweet = `${V1}"retweeted_status":{"id_str":"0","entities":[]}}\n`;
    expect(await refusal('twitter-v1', 'a.ndjson', retweet)).toMatch(
      /^data\/x\/a\.ndjson:1:\d+: "retweeted_status\.entities" must be an object, but this post's is a list \(of 0 items\)/,
    );
  });

  it("refuses a v2 retweet's included original whose mentions are not a list, at the include", async () => {
    const page = {
      data: [
        {
          id: '2',
          created_at: '2024-07-01T10:00:00Z',
          author_id: '9',
          text: 'RT @a: #Red',
          referenced_tweets: [{ type: 'retweeted', id: '1' }],
        },
      ],
      includes: { tweets: [{ id: '1', text: '#Red', entities: { hashtags: [{ tag: 'Red' }], mentions: 'a' } }] },
    };
    expect(await refusal('twitter-v2', 'a.json', JSON.stringify(page, null, 1))).toMatch(
      /^data\/x\/a\.json:\d+:\d+: "includes\.tweets\[0\]\.entities\.mentions" must be a list, but this post's is the text "a"/,
    );
  });

  it('refuses a Mastodon status whose tags are not a list; absent or null lists are none, as the formats allow', async () => {
    const status = (tags: string) =>
      `[{"id":"1","uri":"https://m.example/s/1","created_at":"2024-07-01T10:00:00Z","account":{"acct":"a@m.example"},"content":"<p>#Red</p>"${tags}}]`;
    expect(await refusal('mastodon', 'a.json', status(',"tags":{"name":"red"}'))).toMatch(
      /^data\/x\/a\.json:1:\d+: "tags" must be a list, but this post's is an object with the key "name"/,
    );
    expect(await refusal('mastodon', 'a.json', status(',"tags":null'))).toBe('');
    expect(await refusal('mastodon', 'a.json', status(''))).toBe('');
    expect(await refusal('twitter-v1', 'a.ndjson', `${V1}"entities":{"hashtags":null}}\n`)).toBe('');
  });

  it('refuses a Bluesky record whose facets, features or tags are of another shape; a record with no facets reads its text', async () => {
    const record = (fields: string) =>
      `{"uri":"at://did:plc:a/app.bsky.feed.post/1","value":{"$type":"app.bsky.feed.post","text":"#Red now","createdAt":"2024-07-01T10:00:00Z"${fields}}}\n`;
    expect(await refusal('bluesky', 'a.ndjson', record(',"facets":{"index":{}}'))).toMatch(
      /^data\/x\/a\.ndjson:1:\d+: "facets" must be a list, but this post's is an object with the key "index"/,
    );
    expect(await refusal('bluesky', 'a.ndjson', record(',"facets":[{"index":{},"features":["tag"]}]'))).toMatch(
      /^data\/x\/a\.ndjson:1:\d+: "facets\[0\]\.features\[0\]" must be an object, but this post's is the text "tag"/,
    );
    expect(await refusal('bluesky', 'a.ndjson', record(',"tags":"Red"'))).toMatch(
      /"tags" must be a list, but this post's is the text "Red"/,
    );
    expect(await refusal('bluesky', 'a.ndjson', record(''))).toBe('');
  });
});
