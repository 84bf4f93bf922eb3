import { postsManifest, tempProject } from '../../data/helpers.ts';

/** A post's frontmatter with two campaigns, red and blue, over the dataset "tweets". */
export const FRONTMATTER = `---
title: Clouds
date: 2016-09-18
author: Test Author
summary: Word clouds for the tests.
datasets:
  tweets: tweets
campaigns:
  - id: red
    label: "#Red"
    hashtags: [Red]
    color: "#b3202a"
  - id: blue
    label: "#Blue"
    hashtags: [Blue]
    color: "#1f5f8b"
---
`;

/** Red talks of members and rallies, blue of winning elections; both of the party. */
export function tweets(): string {
  const rows: string[] = ['id,created_at,user,text'];
  let id = 0;
  const add = (text: string, times = 1) => {
    for (let i = 0; i < times; i++) rows.push(`${++id},2016-07-01T10:00:00Z,u${id},"${text.replace(/"/g, '""')}"`);
  };
  const topic = (i: number) => `topic${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}`;
  for (let i = 0; i < 30; i++) add(`Our members at the rally on ${topic(i)} party #Red`);
  for (let i = 0; i < 12; i++) add(`Winning the election matters ${i} party #Blue`);
  add('RT @u1: Our members at the rally on topicaa party #Red', 50); // retweets add nothing
  add('<script>alert(1)</script> &amp; solidarity #Red');
  return `${rows.join('\n')}\n`;
}

/** A project with those tweets and a post of the given body. */
export const project = (body: string) =>
  tempProject({
    'data/tweets/manifest.yaml': postsManifest(),
    'data/tweets/a.csv': tweets(),
    'content/posts/post.md': `${FRONTMATTER}\n${body}\n`,
  });
