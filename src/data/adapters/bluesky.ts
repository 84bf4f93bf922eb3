/**
 * Bluesky (AT Protocol) posts. Accepted shapes, alone, in arrays, or under the
 * list a response keeps them in:
 *  - repository records `{ uri, cid, value: {$type: "app.bsky.feed.post", …} }`
 *    as `com.atproto.repo.listRecords` returns them (`{ records: […] }`);
 *  - post views `{ uri, author: {did, handle}, record, replyCount, repostCount,
 *    likeCount, quoteCount }` (`app.bsky.feed.searchPosts` → `{ posts: […] }`);
 *  - feed items `{ post, reason? }` (`app.bsky.feed.getAuthorFeed` → `{ feed: […] }`),
 *    where `reason.$type` "app.bsky.feed.defs#reasonRepost" marks a repost;
 *  - repost records `{ uri, value: {$type: "app.bsky.feed.repost", subject: {uri}, createdAt} }`.
 *
 * The id is the post's `at://` URI (a repost's: {@link repostId}). The author is the account's DID, the one in the
 * URI (`at://did:plc:…/…`; a repost's: `reason.by.did`), in every shape: a record alone does not name a handle, and
 * a handle can change, so counting handles would make one account two authors when a feed export (handles) and a
 * repository export (DIDs) are read together, or when the account was renamed. Hashtags, links and mentions come from the
 * record's facets (`app.bsky.richtext.facet#tag|#link|#mention`), whose
 * `index.byteStart/byteEnd` count UTF-8 bytes, not JavaScript characters;
 * the record's `tags` (hashtags not written in the text) are hashtags too.
 */
import { ExportFieldShape, error, jsonValue, MissingValue } from '../../errors.ts';
import { extractHashtags } from '../hashtags.ts';
import type { Post } from '../types.ts';
import {
  type Adapter,
  collectedBy,
  isObject,
  isoTime,
  type Json,
  type JsonPath,
  type Locate,
  listAt,
  metrics,
  num,
  objectAt,
  post,
  required,
  str,
  unique,
} from './common.ts';

const POST = 'app.bsky.feed.post';
const REPOST = 'app.bsky.feed.repost';
const REASON_REPOST = 'app.bsky.feed.defs#reasonRepost';

const GONE = /^app\.bsky\.feed\.defs#(notFound|blocked)Post$/;

/** The DID an `at://did:…/collection/rkey` URI belongs to. */
const didOf = (uri: string) => /^at:\/\/([^/]+)/.exec(uri)?.[1] ?? uri;

/**
 * A post's hashtags, links and mentions from its `facets` (and `tags`), which sit at `path`: a facet, or a feature,
 * or the lists holding them, of another shape is refused where it is, never skipped (a tag facet skipped would leave
 * the post out of its campaign).
 */
function facets(record: Json, text: string, path: JsonPath, at: Locate) {
  const bytes = Buffer.from(text, 'utf8');
  const hashtags: string[] = [];
  const urls: string[] = [];
  const mentions: string[] = [];
  for (const [i, item] of listAt(record, 'facets', path, at, 'facets').entries()) {
    const facet = objectAt(item, [...path, 'facets', i], at, `facets[${i}]`);
    const index = isObject(facet.index) ? facet.index : {};
    const features = listAt(facet, 'features', [...path, 'facets', i], at, `facets[${i}].features`);
    for (const [j, item] of features.entries()) {
      const feature = objectAt(item, [...path, 'facets', i, 'features', j], at, `facets[${i}].features[${j}]`);
      const type = feature.$type;
      if (type === 'app.bsky.richtext.facet#tag' && str(feature.tag)) hashtags.push((feature.tag as string).replace(/^#/, ''));
      else if (type === 'app.bsky.richtext.facet#link' && str(feature.uri)) urls.push(feature.uri as string);
      else if (type === 'app.bsky.richtext.facet#mention') {
        const start = num(index.byteStart);
        const end = num(index.byteEnd);
        const written = start !== undefined && end !== undefined ? bytes.subarray(start, end).toString('utf8').replace(/^@/, '') : '';
        mentions.push(written || (str(feature.did) ?? ''));
      }
    }
  }
  // The record's own `tags` are "additional hashtags, in addition to any included in post text and facets"
  // (the lexicon): a client can tag a post without writing the tag in its text.
  const extra = listAt(record, 'tags', path, at, 'tags').flatMap((t, i) => {
    if (typeof t !== 'string') throw error(ExportFieldShape, at([...path, 'tags', i]), `tags[${i}]`, 'a text', jsonValue(t));
    return t.length > 0 ? [t.replace(/^[#＃]/, '')] : [];
  });
  return {
    hashtags: unique([...(Array.isArray(record.facets) ? hashtags : extractHashtags(text)), ...extra]),
    urls: unique(urls),
    mentions: unique(mentions.filter(Boolean)),
  };
}

/**
 * A post's time. `createdAt` is set by the client, so a post can claim any date (2036, or 1990); a post view also
 * says when the network indexed it, and Bluesky orders posts by the earlier of the two (its "sortAt"), as this
 * does. A bare repository record has only `createdAt`. The earlier time is what the collection day is checked on.
 */
function postTime(record: Json, path: JsonPath, at: Locate, view: Json | undefined, viewPath: JsonPath): number {
  const unchecked: Locate = (p) => at(p);
  const created = isoTime(record, 'createdAt', path, unchecked);
  if (view && str(view.indexedAt)) {
    const indexed = isoTime(view, 'indexedAt', viewPath, unchecked);
    if (indexed < created) return collectedBy(indexed, view.indexedAt as string, [...viewPath, 'indexedAt'], at, 'indexedAt');
  }
  return collectedBy(created, record.createdAt as string, [...path, 'createdAt'], at, 'createdAt');
}

function postRecord(uri: string, record: Json, path: JsonPath, at: Locate, author: string, counts: Json | undefined): Post {
  const text = typeof record.text === 'string' ? record.text : '';
  const time = postTime(record, path, at, counts, path.slice(0, -1));
  const reply = isObject(record.reply) && isObject(record.reply.parent) ? str(record.reply.parent.uri) : undefined;
  return post({
    id: uri,
    time,
    author,
    text,
    ...facets(record, text, path, at),
    replyTo: reply,
    metrics: counts
      ? metrics({
          reposts: num(counts.repostCount),
          replies: num(counts.replyCount),
          likes: num(counts.likeCount),
          quotes: num(counts.quoteCount),
        })
      : undefined,
  });
}

/** A post view: `{ uri, author, record, …Count }`. */
function view(value: Json, path: JsonPath, at: Locate): Post {
  const uri = required(value, 'uri', path, at);
  if (!isObject(value.record)) throw error(MissingValue, at([...path, 'record']), 'record');
  return postRecord(uri, value.record as Json, [...path, 'record'], at, didOf(uri), value);
}

/**
 * A repost's id: the original's URI and the reposter's DID, not the repost record's own URI. A feed item names the
 * record's URI only since 2024 (`reason.uri`), so the same repost read from an older feed export and from the
 * reposter's repository would otherwise count twice; an account can repost a post only once.
 */
function repostId(did: string, original: string): string {
  return `${original}#repost-by-${did}`;
}

function item(value: unknown, path: JsonPath, at: Locate): Post[] {
  if (!isObject(value)) throw error(MissingValue, at(path), 'uri');
  // A post that is gone or hidden (app.bsky.feed.defs#notFoundPost, #blockedPost, where a post view would be)
  // has nothing to count.
  if (GONE.test(String(value.$type))) return [];
  // A feed item.
  if (isObject(value.post)) {
    const original = view(value.post, [...path, 'post'], at);
    const reason = isObject(value.reason) ? value.reason : undefined;
    if (reason?.$type !== REASON_REPOST) return [original];
    const by = isObject(reason.by) ? reason.by : {};
    const reposter = required(by, 'did', [...path, 'reason', 'by'], at, 'reason.by.did');
    // The repost is its own act: its own id, the reposter and the time it was indexed, the original's content.
    const { id, text, hashtags, mentions, urls } = original;
    return [
      post({
        id: repostId(reposter, id),
        time: isoTime(reason, 'indexedAt', [...path, 'reason'], at, 'reason.indexedAt'),
        author: reposter,
        text,
        hashtags,
        mentions,
        urls,
        repostOf: id,
      }),
    ];
  }
  if (isObject(value.record)) return [view(value, path, at)];
  // A repository record.
  const record = isObject(value.value) ? value.value : undefined;
  if (record) {
    const uri = required(value, 'uri', path, at);
    if (record.$type === REPOST) {
      const subject = isObject(record.subject) ? record.subject : {};
      const of = required(subject, 'uri', [...path, 'value', 'subject'], at, 'subject.uri');
      // The record names only the original; loadDataset fills in its text when the original is in the dataset.
      return [
        post({
          id: repostId(didOf(uri), of),
          time: isoTime(record, 'createdAt', [...path, 'value'], at),
          author: didOf(uri),
          text: '',
          hashtags: [],
          repostOf: of,
        }),
      ];
    }
    if (record.$type !== undefined && record.$type !== POST) return [];
    return [postRecord(uri, record, [...path, 'value'], at, didOf(uri), undefined)];
  }
  throw error(MissingValue, at([...path, 'uri']), 'uri');
}

export const bluesky: Adapter = {
  format: 'bluesky',
  fields: {
    id: 'uri',
    time: 'the earlier of record.createdAt and indexedAt (a bare record: record.createdAt)',
    author: 'the DID in uri (reason.by.did for a repost)',
    text: 'record.text',
    hashtags: "record.facets[#tag].tag (the text's #tags without facets) + record.tags",
  },
  read(value, path, at) {
    if (Array.isArray(value)) return value.flatMap((v, i) => item(v, [...path, i], at));
    if (isObject(value)) {
      for (const list of ['records', 'feed', 'posts']) {
        if (Array.isArray(value[list])) return bluesky.read(value[list], [...path, list], at);
      }
    }
    return item(value, path, at);
  },
};
