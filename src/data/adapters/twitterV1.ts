/**
 * Legacy X/Twitter v1.1 tweet JSON, as 2010s archives hold it: one tweet per
 * NDJSON line (the streaming API's output), a JSON array, or a search
 * response `{ statuses: […] }`. Field names follow the v1.1 Tweet object:
 * `id_str`, `created_at` ("Wed Aug 27 13:08:45 +0000 2008"), `user.screen_name`,
 * `text` / `full_text` / `extended_tweet.full_text`, `entities.{hashtags,
 * user_mentions,urls}`, `retweeted_status`, `in_reply_to_status_id_str`.
 *
 * Ids are read from `id_str`: the numeric `id` is a 64-bit integer that
 * JavaScript numbers round, so a file without `id_str` is refused.
 * Streaming-API control messages (`delete`, `limit`, `scrub_geo`,
 * `status_withheld`, `user_withheld`, `warning`) are not posts and are skipped;
 * a `delete` notice's tweet is left out of the dataset by the loader (the
 * author deleted it, and the stream's terms ask that it be removed).
 */
import { BadDate, error, IdStrMissing } from '../../errors.ts';
import { exactTimeParser, noSuchOffset, noSuchTime, parseTime } from '../cell.ts';
import { extractHashtags } from '../hashtags.ts';
import type { Post } from '../types.ts';
import {
  type Adapter,
  collectedBy,
  type Entities,
  entitiesOf,
  isObject,
  type Json,
  type JsonPath,
  type Locate,
  listAt,
  metrics,
  num,
  post,
  required,
  str,
  textsAt,
  unique,
} from './common.ts';

// Streaming-API messages that are not tweets (the user stream's too: friends lists, events, direct messages).
const CONTROL = [
  'delete',
  'limit',
  'scrub_geo',
  'status_withheld',
  'user_withheld',
  'warning',
  'disconnect',
  'friends',
  'friends_str',
  'event',
  'direct_message',
  'control',
];
const V1_FORMAT = '%a %b %d %H:%M:%S %Z %Y';
const V1_TIME = exactTimeParser(V1_FORMAT);

function v1Time(tweet: Json, path: JsonPath, at: Locate): number {
  const raw = required(tweet, 'created_at', path, at);
  const v1 = V1_TIME(raw.trim());
  if (v1.ok) return collectedBy(v1.date.getTime(), raw, [...path, 'created_at'], at, 'created_at');
  const iso = parseTime(raw);
  if (iso.ok && iso.value instanceof Date) return collectedBy(iso.value.getTime(), raw, [...path, 'created_at'], at, 'created_at');
  const expected = v1.offset
    ? noSuchOffset(v1.offset)
    : v1.rolledTo
      ? noSuchTime(V1_FORMAT, v1.rolledTo, raw, v1.misnamed)
      : 'a time like "Wed Aug 27 13:08:45 +0000 2008"';
  throw error(BadDate, at([...path, 'created_at']), 'created_at', raw, expected);
}

/**
 * The whole text and its entities (with where they are, and their name in a message): extended (280-character)
 * tweets keep them under `extended_tweet`. `path` and `name`: where the tweet is, and its name in a message.
 */
function content(tweet: Json, path: JsonPath, at: Locate, name: string): { text: string; entities: Entities | undefined } {
  const ext = isObject(tweet.extended_tweet) ? tweet.extended_tweet : undefined;
  if (ext && typeof ext.full_text === 'string')
    return { text: ext.full_text, entities: entitiesOf(ext, [...path, 'extended_tweet'], at, `${name}extended_tweet.`) };
  const text = typeof tweet.full_text === 'string' ? tweet.full_text : typeof tweet.text === 'string' ? tweet.text : '';
  return { text, entities: entitiesOf(tweet, path, at, name) };
}

/**
 * A tweet's `id_str`, refused when missing (IdStrMissing) at its numeric `id` if it has one, else where the tweet is:
 * not read from the numeric `id`, which JSON.parse has rounded already when it is past 2^53.
 */
function idStr(tweet: Json, path: JsonPath, at: Locate, name: string): string {
  if (tweet.id_str !== undefined) return required(tweet, 'id_str', path, at, name);
  const numeric = tweet.id !== undefined;
  throw error(IdStrMissing, at(numeric ? [...path, 'id'] : [...path, 'id_str']), name, numeric);
}

export function tweetPost(tweet: Json, path: JsonPath, at: Locate): Post {
  const id = idStr(tweet, path, at, 'id_str');
  const time = v1Time(tweet, path, at);
  const user = isObject(tweet.user) ? tweet.user : {};
  const author = required(user, 'screen_name', [...path, 'user'], at, 'user.screen_name');
  const original = isObject(tweet.retweeted_status) ? tweet.retweeted_status : undefined;
  const repostOf = original ? idStr(original, [...path, 'retweeted_status'], at, 'retweeted_status.id_str') : undefined;
  // A retweet's own text is "RT @user: " plus a truncated copy; the embedded original is whole.
  const { text, entities: e } = original
    ? content(original, [...path, 'retweeted_status'], at, 'retweeted_status.')
    : content(tweet, path, at, '');
  const hashtags = e ? textsAt(e.entities, 'hashtags', 'text', e.path, at, `${e.name}.hashtags`) : extractHashtags(text);
  const mentions = e ? textsAt(e.entities, 'user_mentions', 'screen_name', e.path, at, `${e.name}.user_mentions`) : [];
  const urls = (e ? listAt(e.entities, 'urls', e.path, at, `${e.name}.urls`) : []).flatMap((u) => {
    const url = isObject(u) ? (str(u.expanded_url) ?? str(u.url)) : undefined;
    return url ? [url] : [];
  });
  return post({
    id,
    time,
    author,
    text,
    hashtags,
    mentions: unique(mentions),
    urls: unique(urls),
    repostOf,
    replyTo: str(tweet.in_reply_to_status_id_str),
    metrics: original
      ? undefined
      : metrics({
          reposts: num(tweet.retweet_count),
          replies: num(tweet.reply_count),
          likes: num(tweet.favorite_count),
          quotes: num(tweet.quote_count),
        }),
  });
}

export const twitterV1: Adapter = {
  format: 'twitter-v1',
  fields: {
    id: 'id_str',
    time: 'created_at',
    author: 'user.screen_name',
    text: 'extended_tweet.full_text | full_text | text',
    hashtags: 'extended_tweet.entities.hashtags[].text | entities.hashtags[].text',
  },
  read(value, path, at, events) {
    if (Array.isArray(value)) return value.flatMap((v, i) => twitterV1.read(v, [...path, i], at, events));
    if (!isObject(value)) return [tweetPost({}, path, at)];
    if (Array.isArray(value.statuses)) return twitterV1.read(value.statuses, [...path, 'statuses'], at, events);
    const deleted = isObject(value.delete) && isObject(value.delete.status) ? str(value.delete.status.id_str) : undefined;
    if (deleted && value.id_str === undefined) {
      events?.deleted(deleted);
      return [];
    }
    // The account archive wraps each tweet: { "tweet": { … } }.
    if (isObject(value.tweet) && value.id_str === undefined) return [tweetPost(value.tweet, [...path, 'tweet'], at)];
    if (value.id_str === undefined && CONTROL.some((k) => k in value)) return [];
    return [tweetPost(value, path, at)];
  },
};
