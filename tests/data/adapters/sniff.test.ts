import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../../src/data/loadDataset.ts';
import { tempProject } from '../helpers.ts';
import { fixture, manifest } from './helpers.ts';

describe('a manifest format', async () => {
  it("says once which platform's export a file holds when the manifest names another", async () => {
    const cases: [string, string, string, string][] = [
      ['mastodon', 'a.ndjson', fixture('twitter-v1.ndjson'), 'X/Twitter v1.1 tweets, but the manifest says format: mastodon'],
      // A stream that starts with a control message.
      [
        'mastodon',
        'b.ndjson',
        `{"delete":{"status":{"id_str":"1","user_id_str":"2"}}}\n${fixture('twitter-v1.ndjson')}`,
        'X/Twitter v1.1 tweets, but the manifest says format: mastodon',
      ],
      ['twitter-v1', 'a.json', fixture('mastodon.json'), 'Mastodon statuses, but the manifest says format: twitter-v1'],
      ['bluesky', 'a.json', fixture('twitter-v2.json'), 'an X/Twitter API v2 response, but the manifest says format: bluesky'],
      ['twitter-v2', 'a.json', fixture('bluesky.json'), 'Bluesky records, but the manifest says format: twitter-v2'],
    ];
    for (const [format, name, text, says] of cases) {
      const root = tempProject({ 'data/x/manifest.yaml': manifest(format), [`data/x/${name}`]: text });
      const problems = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
      expect(problems, format).toHaveLength(1);
      expect(problems[0], format).toMatch(
        new RegExp(`^data/x/${name.replace('.', '\\.')}:\\d+:\\d+: This file holds ${says.replace(/[()/.]/g, '\\$&')}`),
      );
    }
  });
});

describe("an X export of the other API version than the manifest's", () => {
  const HINT =
    'Move the file into a dataset of its own whose manifest says its format, and name both under "posts" in the post (README, "Writing a post"); or, if every file of this dataset is of that format, set it in manifest.yaml.';

  it('says a dataset holds one format, so v1.1 and v2 go in two datasets a post counts together, not that it is another platform', async () => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v2'),
      'data/x/search.json': fixture('twitter-v2.json'),
      'data/x/stream.ndjson': fixture('twitter-v1.ndjson'),
    });
    const problems = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
    expect(problems).toEqual([
      `data/x/stream.ndjson:1:1: This file holds X/Twitter v1.1 tweets, but the manifest says format: twitter-v2, so none of its records can be read. A dataset's files share one format, so X's v1.1 and v2 exports go in two datasets (one with format: twitter-v1, one with format: twitter-v2), which a post counts together with posts: [a, b]. ${HINT}`,
    ]);
  });

  it('says the same of a v2 response in a twitter-v1 dataset', async () => {
    const root = tempProject({ 'data/x/manifest.yaml': manifest('twitter-v1'), 'data/x/search.json': fixture('twitter-v2.json') });
    const problems = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
    expect(problems).toEqual([
      `data/x/search.json:1:1: This file holds an X/Twitter API v2 response, but the manifest says format: twitter-v1, so none of its records can be read. A dataset's files share one format, so X's v1.1 and v2 exports go in two datasets (one with format: twitter-v1, one with format: twitter-v2), which a post counts together with posts: [a, b]. ${HINT}`,
    ]);
  });

  it("still says to set the format for another platform's export", async () => {
    const root = tempProject({ 'data/x/manifest.yaml': manifest('mastodon'), 'data/x/a.ndjson': fixture('twitter-v1.ndjson') });
    const problems = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
    expect(problems).toEqual([
      `data/x/a.ndjson:1:1: This file holds X/Twitter v1.1 tweets, but the manifest says format: mastodon, so none of its records can be read: set format: twitter-v1. ${HINT}`,
    ]);
  });
});
