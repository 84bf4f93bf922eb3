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

  it('prints, once each, a weekly gap that changes side and a whole week without posts, and passes: they are warnings', () => {
    const blue = post
      .replace('---\n\nOf', '  - id: blue\n    label: "#Blue"\n    hashtags: [Blue]\n    color: "#1f5f8b"\n---\n\nOf')
      .replace(' tweets.', ' tweets, at most :value[weekly.gap.max] apart in a week.');
    // Red leads the weeks of 4 and 25 July, blue that of 11 July; the week of 18 July has no post at all.
    const rows = ['2016-07-04,#Red', '2016-07-05,#Red', '2016-07-12,#Blue', '2016-07-13,#Blue', '2016-07-26,#Red', '2016-07-31,none'];
    const root = tempProject({
      'content/posts/red.md': blue,
      'data/tweets/manifest.yaml': postsManifest(),
      'data/tweets/a.csv': `id,created_at,user,text\n${rows.map((r, i) => `${i + 1},${r.replace(',', 'T10:00:00Z,u,')}`).join('\n')}\n`,
    });
    const { out, status } = check(root);
    const lines = out.split('\n');
    expect(
      lines.filter((l) =>
        l.startsWith(
          'content/posts/red.md: #Blue posted more than #Red in 1 of the 4 weeks the weekly gap counts (the week of 2016-07-11), #Red in 2.',
        ),
      ),
    ).toHaveLength(1);
    expect(
      lines.filter((l) =>
        l.startsWith('content/posts/red.md:7:3: No post of "tweets" falls in the week of 2016-07-18, inside the data\'s period'),
      ),
    ).toHaveLength(1);
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
