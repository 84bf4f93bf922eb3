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
