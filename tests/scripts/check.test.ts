import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postsManifest, tempProject } from '../data/helpers.ts';

const project = join(import.meta.dirname, '..', '..');

/** `npm run check` in `root` (its content/ and data/), as a user runs it: what it prints (warnings first), and its exit code. */
function check(root: string): { out: string; status: number | null } {
  const { stdout, stderr, status } = spawnSync(process.execPath, [join(project, 'scripts', 'check.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOUNDINGS_CONTENT_DIR: '', SOUNDINGS_DATA_DIR: '' },
  });
  return { out: `${stderr}${stdout}`, status };
}

const post = `---
title: "Red"
date: 2016-09-18
author: A
summary: S.
datasets:
  tweets: tweets
campaigns:
  - id: red
    label: "#Red"
    hashtags: [Red]
    color: "#b3202a"
---

Of :value[posts.total] tweets.
`;

describe('npm run check', () => {
  it("prints a dataset's warning once, though the post using it reads it again", () => {
    const header = 'id,created_at,user,text\n';
    const root = tempProject({
      'content/posts/red.md': post,
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `${header}1,2016-07-01T10:00:00Z,a,#Red\n`,
      'data/tweets/b.csv': header,
    });
    const { out, status } = check(root);
    expect(out.split('\n').filter((line) => line.startsWith('data/tweets/b.csv:1: This file has a header but no rows'))).toHaveLength(1);
    expect(out).toContain('No problems in 1 dataset and 1 post.');
    expect(status).toBe(0);
  });

  it('prints once that a CSV file of blank lines and a byte order mark is empty, as a problem', () => {
    const root = tempProject({
      'content/posts/red.md': post,
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red\n',
      'data/tweets/b.csv': '\uFEFF\n\r\n  \n',
    });
    const { out, status } = check(root);
    expect(out).toBe(
      'data/tweets/b.csv: This file is empty: it holds only blank lines (or only a byte order mark), so it has no header and no rows. An export that failed, or a file still being copied? Export it again, or remove it.\n\n1 problem in 1 dataset and 1 post.\n',
    );
    expect(status).toBe(1);
  });
});
