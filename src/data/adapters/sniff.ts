/**
 * Which social export a JSON value looks like, by the fields only that
 * platform's records have: to say "set format: mastodon" when a file fails to
 * read under another format, rather than one error per record.
 */
import { isObject, type Json } from './common.ts';
import type { SocialFormat } from './index.ts';

/** The first record of a value as a file holds it: an array's first item, a search response's first status. */
function firstRecord(value: unknown): Json | undefined {
  if (Array.isArray(value)) return firstRecord(value[0]);
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.statuses)) return firstRecord(value.statuses);
  if (Array.isArray(value.records)) return firstRecord(value.records);
  if (Array.isArray(value.posts)) return firstRecord(value.posts);
  if (Array.isArray(value.feed)) return firstRecord(value.feed);
  return value;
}

/** What each format's records, and only its, carry. */
const SIGNS: [SocialFormat, (r: Json) => boolean][] = [
  ['bluesky', (r) => /^at:\/\//.test(String(r.uri ?? (isObject(r.post) ? r.post.uri : ''))) || /^app\.bsky\./.test(String(r.$type ?? ''))],
  ['mastodon', (r) => isObject(r.account) && typeof r.content === 'string'],
  ['twitter-v2', (r) => 'includes' in r || (Array.isArray(r.data) && 'meta' in r) || 'author_id' in r || 'edit_history_tweet_ids' in r],
  [
    'twitter-v1',
    // A v1.1 stream often starts with a control message (a delete notice, a rate limit) rather than a tweet.
    (r) =>
      typeof r.id_str === 'string' ||
      (isObject(r.tweet) && typeof r.tweet.id_str === 'string') ||
      (Object.keys(r).length === 1 && (isObject(r.delete) || isObject(r.limit) || isObject(r.scrub_geo) || isObject(r.status_withheld))),
  ],
];

export const FORMAT_NAMES: Record<SocialFormat, string> = {
  'twitter-v2': 'an X/Twitter API v2 response',
  'twitter-v1': 'X/Twitter v1.1 tweets',
  'x-archive': "an X account archive's files",
  bluesky: 'Bluesky records',
  mastodon: 'Mastodon statuses',
};

/** The social format `value` (a whole JSON file, or one NDJSON line) looks like, if exactly one. */
export function looksLike(value: unknown): SocialFormat | undefined {
  const record = firstRecord(value);
  if (!record) return undefined;
  const matches = SIGNS.filter(([, sign]) => sign(record)).map(([format]) => format);
  return matches.length === 1 ? matches[0] : undefined;
}
