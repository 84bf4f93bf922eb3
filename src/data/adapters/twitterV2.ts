/**
 * X/Twitter API v2 responses: `{ data: [tweet…], includes: { users, tweets } }`
 * (search, timelines, the full-archive endpoint), one response per file or per
 * NDJSON line, or bare tweet objects. Field names follow the v2 Tweet object:
 * `id`, `text`, `created_at`, `author_id`, `entities.{hashtags,mentions,urls}`,
 * `referenced_tweets[{type,id}]`, `public_metrics`, `note_tweet` (long posts).
 *
 * A tweet names its author by `author_id`; the page's `includes.users` (requested with `expansions=author_id`) gives
 * that id's username. A page without the user (a page collected without the expansion, or one whose `includes` was
 * lost) leaves the post's author as {@link authorById} marks it: the loader names it once every file of the dataset is
 * read, from the `includes.users` of any page (this one's {@link AdapterEvents.user} tells it each), so that one
 * account is not counted twice, by username on one page and by id on another. Decided: resolved by the loader, not
 * here, since the page that names the user can be in a file read before this one or after it, or in a file whose
 * records come from the cache and are not read at all; the records a file keeps in the cache are what the file
 * alone says (its posts, with the mark, and the users its pages include), never tied to the other files.
 */
import { extractHashtags } from '../hashtags.ts';
import type { Post } from '../types.ts';
import {
  type Adapter,
  type AdapterEvents,
  asArray,
  type Entities,
  entitiesOf,
  isObject,
  isoTime,
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

/**
 * The author of a post that names it by the id `id` only, until the loader names it (see above): no username or id
 * holds a NUL, so the mark is never an author an export gives (xArchive.ts marks its tweets' author the same way).
 */
const BY_ID = '\u0000author_id ';
export const authorById = (id: string): string => `${BY_ID}${id}`;
/** The id of an author {@link authorById} marks, or undefined for an author the export names. */
export const idOfAuthor = (author: string): string | undefined => (author.startsWith(BY_ID) ? author.slice(BY_ID.length) : undefined);

interface Includes {
  users: Map<string, string>;
  /** The included tweets (a retweet's original), by id, with where each is in the file and its name in a message. */
  tweets: Map<string, { tweet: Json; path: JsonPath; name: string }>;
}

/** The includes of a page, each user told to `events` (the loader names with it a post of another page: see above). */
function includesOf(page: Json, path: JsonPath, events: AdapterEvents | undefined): Includes {
  const inc = isObject(page.includes) ? page.includes : {};
  const users = new Map<string, string>();
  for (const u of asArray(inc.users))
    if (isObject(u) && str(u.id) && str(u.username)) {
      users.set(u.id as string, u.username as string);
      events?.user(u.id as string, u.username as string);
    }
  const tweets = new Map<string, { tweet: Json; path: JsonPath; name: string }>();
  asArray(inc.tweets).forEach((t, i) => {
    if (isObject(t) && str(t.id))
      tweets.set(t.id as string, { tweet: t, path: [...path, 'includes', 'tweets', i], name: `includes.tweets[${i}].` });
  });
  return { users, tweets };
}

/**
 * Text and entities of a tweet, preferring the untruncated `note_tweet` of a long post. `path` and `name`: where the
 * tweet is, and its name in a message.
 */
function content(tweet: Json, path: JsonPath, at: Locate, name: string): { text: string; entities: Entities | undefined } {
  const note = isObject(tweet.note_tweet) ? tweet.note_tweet : undefined;
  if (note && typeof note.text === 'string')
    return { text: note.text, entities: entitiesOf(note, [...path, 'note_tweet'], at, `${name}note_tweet.`) };
  return { text: typeof tweet.text === 'string' ? tweet.text : '', entities: entitiesOf(tweet, path, at, name) };
}

const reference = (tweet: Json, type: string) =>
  asArray(tweet.referenced_tweets).find((r): r is Json => isObject(r) && r.type === type && typeof r.id === 'string')?.id as
    | string
    | undefined;

function tweetPost(tweet: Json, path: JsonPath, at: Locate, includes: Includes, events: AdapterEvents | undefined): Post {
  const id = required(tweet, 'id', path, at);
  const time = isoTime(tweet, 'created_at', path, at);
  const authorId = required(tweet, 'author_id', path, at);
  const repostOf = reference(tweet, 'retweeted');
  // A retweet's own text is cut to "RT @user: …"; the original, when included, has it whole.
  const original = repostOf ? includes.tweets.get(repostOf) : undefined;
  const { text, entities: e } = original ? content(original.tweet, original.path, at, original.name) : content(tweet, path, at, '');
  const hashtags = e ? textsAt(e.entities, 'hashtags', 'tag', e.path, at, `${e.name}.hashtags`) : extractHashtags(text);
  const mentions = e ? textsAt(e.entities, 'mentions', 'username', e.path, at, `${e.name}.mentions`) : [];
  const urls = (e ? listAt(e.entities, 'urls', e.path, at, `${e.name}.urls`) : []).flatMap((u) =>
    isObject(u) && (str(u.expanded_url) ?? str(u.url)) ? [(str(u.expanded_url) ?? u.url) as string] : [],
  );
  const pm = isObject(tweet.public_metrics) ? tweet.public_metrics : {};
  const username = includes.users.get(authorId);
  if (username === undefined) events?.authorById(authorId, () => at([...path, 'author_id']));
  return post({
    id,
    time,
    author: username ?? authorById(authorId),
    text,
    hashtags,
    mentions: unique(mentions),
    urls: unique(urls),
    repostOf,
    replyTo: reference(tweet, 'replied_to'),
    metrics: repostOf
      ? undefined
      : metrics({ reposts: num(pm.retweet_count), replies: num(pm.reply_count), likes: num(pm.like_count), quotes: num(pm.quote_count) }),
  });
}

function readPage(page: Json, path: JsonPath, at: Locate, events: AdapterEvents | undefined): Post[] {
  const includes = includesOf(page, path, events);
  return asArray(page.data).map((tweet, i) => tweetPost(isObject(tweet) ? tweet : {}, [...path, 'data', i], at, includes, events));
}

const NO_INCLUDES: Includes = { users: new Map(), tweets: new Map() };

export const twitterV2: Adapter = {
  format: 'twitter-v2',
  fields: {
    id: 'id',
    time: 'created_at',
    author: 'includes.users[author_id].username',
    text: 'text (note_tweet.text)',
    hashtags: 'entities.hashtags[].tag (note_tweet.entities)',
  },
  read(value, path, at, events) {
    if (Array.isArray(value)) return value.flatMap((v, i) => twitterV2.read(v, [...path, i], at, events));
    if (!isObject(value)) return [tweetPost({}, path, at, NO_INCLUDES, events)];
    if (Array.isArray(value.data)) return readPage(value, path, at, events);
    // A page with no results has only `meta` (result_count 0); users it includes all the same name authors elsewhere.
    if (value.data === undefined && isObject(value.meta)) {
      includesOf(value, path, events);
      return [];
    }
    // A response for a single tweet has `data` as an object.
    if (isObject(value.data)) return [tweetPost(value.data, [...path, 'data'], at, includesOf(value, path, events), events)];
    return [tweetPost(value, path, at, NO_INCLUDES, events)];
  },
};
