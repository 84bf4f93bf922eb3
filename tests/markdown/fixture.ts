import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postsManifest, tempProject } from '../data/helpers.ts';

export const FRONTMATTER = `---
title: A test post
date: 2016-09-18
author: Test Author
summary: A post for the tests.
datasets:
  tweets: tweets
  followers: followers
campaigns:
  - id: red
    label: "#Red"
    hashtags: [Red]
    color: "#b3202a"
  - id: blue
    label: "#Blue"
    hashtags: [Blue, SaveBlue]
    color: "#1f5f8b"
values:
  reach:
    ratio: [followers.big, followers.small]
---
`;

/**
 * A fixture post printing red's top terms (`Top: :value[terms.red.top].`) over three tweets with words to count:
 * `[a, b, c]` makes red's "#Red a b" and "#Red a", blue's "#Blue c" (in a dev server's process, where the counts keep
 * the texts they read, each test its own words).
 */
export function termsProject([a, b, c]: [string, string, string]) {
  const root = fixtureProject('Top: :value[terms.red.top].');
  writeFileSync(
    join(root, 'data/tweets/a.csv'),
    `id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red ${a} ${b}\n2,2016-07-02T10:00:00Z,b,#Red ${a}\n3,2016-07-04T10:00:00Z,c,#Blue ${c}\n`,
  );
  return root;
}

/** A project with four tweets (3 red, 1 blue, 1 of them both) and two accounts. */
export function fixtureProject(body: string, frontmatter = FRONTMATTER) {
  return tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/a.csv':
      'id,created_at,user,text\n1,2016-07-01T10:00:00Z,a,#Red one\n2,2016-07-02T10:00:00Z,b,#red two\n3,2016-07-04T10:00:00Z,c,#Red and #SaveBlue\n4,2016-07-05T10:00:00Z,d,#Blue\n',
    'data/followers/manifest.yaml':
      'title: F\ndescription: D\nkind: accounts\nsource: S\nlicence: L\ncollected: 2016-09-18\nfields:\n  id: id\n  name: name\n  platform: platform\n  followers: followers\n',
    'data/followers/a.csv': 'id,name,platform,followers\nbig,Big,twitter,629000\nsmall,Small,twitter,16500\n',
    'content/posts/post.md': `${frontmatter}\n${body}\n`,
  });
}
