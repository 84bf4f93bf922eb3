import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/data/loadDataset.ts';
import { manifest } from './adapters/helpers.ts';
import { tempProject } from './helpers.ts';

describe('a manifest format', async () => {
  it("says what the X account archive's tweets.js is, renamed .json or not, rather than 'Invalid JSON syntax'", async () => {
    const archive =
      'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1", "full_text": "#A", "created_at": "Wed Aug 27 13:08:45 +0000 2008" } } ]';
    for (const name of ['tweets.json', 'tweets.js']) {
      const root = tempProject({
        'data/x/manifest.yaml': manifest('twitter-v1').replace(/^files: .*$/m, 'files: "tweets.*"'),
        [`data/x/${name}`]: archive,
      });
      const [problem] = (await checkDataset('x', { root, dataDir: join(root, 'data') })).map((e) => e.message);
      expect(problem).toContain(`data/x/${name}:1:1: This is a file of the X account archive`);
    }
  });
});
