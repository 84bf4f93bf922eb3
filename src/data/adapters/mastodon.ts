/**
 * Mastodon statuses as the REST API returns them (a JSON array from a
 * timeline, `{ statuses: […] }` from search, or one status per NDJSON line).
 * Field names follow the Status entity: `uri` (else `id`), `created_at`,
 * `account.acct` (with `account.url`'s host), `content` (HTML),
 * `spoiler_text`, `tags[].name` and the text's hashtags, `mentions[].acct`,
 * `emojis[].shortcode`, `reblog` (the boosted status), `in_reply_to_id`,
 * `reblogs_count`, `replies_count`, `favourites_count`.
 */
import { decodeHTML } from 'entities';
import { extractHashtags } from '../hashtags.ts';
import type { Post } from '../types.ts';
import {
  type Adapter,
  asArray,
  isObject,
  isoTime,
  type Json,
  type JsonPath,
  type Locate,
  metrics,
  num,
  post,
  required,
  str,
  stringsAt,
  textsAt,
  unique,
} from './common.ts';

/** One HTML tag, allowing ">" inside quoted attribute values. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)?(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const CLASS = attribute('class');
const HREF = attribute('href');

/**
 * Mastodon's HTML `content` as plain text: paragraphs become blank lines and
 * `<br>` a newline; every tag is removed *before* entities are decoded (with
 * the `entities` package), so an escaped "&lt;script&gt;" stays text and can
 * never turn into markup. The result is plain text, escaped again wherever it
 * is shown.
 */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(TAG, (_m, closing: string, name: string | undefined) => {
    const tag = name?.toLowerCase();
    if (tag === 'br') return '\n';
    if (tag === 'p' && closing) return '\n\n';
    return '';
  });
  return decodeHTML(withBreaks)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Links in the HTML that are neither mentions nor hashtags (Mastodon marks those with a class). */
function links(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\s(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const tag = m[0];
    const cls = CLASS.exec(tag);
    const classes = (cls?.[1] ?? cls?.[2] ?? cls?.[3] ?? '').split(/\s+/);
    if (classes.includes('mention') || classes.includes('hashtag')) continue;
    const href = HREF.exec(tag);
    const url = href?.[1] ?? href?.[2] ?? href?.[3];
    if (url) out.push(decodeHTML(url));
  }
  return unique(out);
}

/**
 * A hashtag as a Mastodon server names it in `tags[].name`: NFKC, lower case,
 * accents folded (its HashtagNormalizer; the folding here removes combining
 * marks, which covers accented Latin letters).
 */
const mastodonTagKey = (tag: string) => tag.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/**
 * An account as `user@server`: `acct` is relative to the server the status was fetched from ("bob" there, but
 * "bob@fosstodon.org" on every other server), so a local name gets the host of the account's own `url`.
 */
function fullAcct(account: Json): string | undefined {
  const acct = str(account.acct);
  if (!acct || acct.includes('@')) return acct;
  const url = str(account.url);
  const host = url && URL.canParse(url) ? new URL(url).host : undefined;
  return host ? `${acct}@${host}` : acct;
}

/**
 * A status's id across servers: its `uri`, the ActivityPub id every server knows it by, so the same status fetched
 * from two servers (each with its own numeric `id`) is one post; the server's `id` when an export has no `uri`.
 */
const statusId = (status: Json, path: JsonPath, at: Locate, prefix = '') =>
  str(status.uri) ?? required(status, 'id', path, at, `${prefix}id`);

/** Custom emoji (`:blobcat:`, images the server draws) are not words: those the status lists are left out of its text. */
function withoutCustomEmoji(text: string, status: Json): string {
  const codes = stringsAt(status.emojis, 'shortcode');
  if (codes.length === 0) return text;
  const known = new Set(codes);
  return text
    .replace(/:([\w-]+):/g, (m, code: string) => (known.has(code) ? '' : m))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +$/gm, '')
    .trim();
}

function statusPost(status: Json, path: JsonPath, at: Locate): Post {
  const id = statusId(status, path, at);
  const time = isoTime(status, 'created_at', path, at);
  const account = isObject(status.account) ? status.account : {};
  const author = fullAcct(account) ?? required(account, 'acct', [...path, 'account'], at, 'account.acct');
  const boosted = isObject(status.reblog) ? status.reblog : undefined;
  const repostOf = boosted ? statusId(boosted, [...path, 'reblog'], at, 'reblog.') : undefined;
  const source = boosted ?? status;
  const html = typeof source.content === 'string' ? source.content : '';
  const body = withoutCustomEmoji(htmlToText(html), source);
  // A content warning is part of what readers see first.
  const warning = str(source.spoiler_text) ? withoutCustomEmoji(source.spoiler_text as string, source) : '';
  const text = warning ? `${warning}\n\n${body}` : body;
  // Servers store tag names normalised (HashtagNormalizer: NFKC, lower case, accents folded: "Élection" is
  // "election"); keep the author's spelling from the text where it is there, so a campaign's "#Élection" matches.
  const inText = extractHashtags(text);
  const written = new Map(inText.map((tag) => [mastodonTagKey(tag), tag]));
  const listed = boosted
    ? textsAt(boosted, 'tags', 'name', [...path, 'reblog'], at, 'reblog.tags')
    : textsAt(status, 'tags', 'name', path, at, 'tags');
  const listedKeys = new Set(listed.map(mastodonTagKey));
  // `tags[]` can be empty where the text has hashtags (a remote server's status, software that sends no tags), so a
  // hashtag written in the text counts too, once.
  const hashtags = [
    ...listed.map((name) => written.get(mastodonTagKey(name)) ?? name),
    ...unique(inText.filter((tag) => !listedKeys.has(mastodonTagKey(tag)))),
  ];
  const mentions = asArray(source.mentions).flatMap((m) => {
    const acct = isObject(m) ? fullAcct(m) : undefined;
    return acct ? [acct] : [];
  });
  return post({
    id,
    time,
    author,
    text,
    hashtags,
    mentions: unique(mentions),
    urls: links(html),
    repostOf,
    replyTo: str(status.in_reply_to_id),
    metrics: boosted
      ? undefined
      : metrics({ reposts: num(status.reblogs_count), replies: num(status.replies_count), likes: num(status.favourites_count) }),
  });
}

export const mastodon: Adapter = {
  format: 'mastodon',
  fields: {
    id: 'uri | id',
    time: 'created_at',
    author: 'account.acct (@ the host of account.url)',
    text: 'content (HTML as text)',
    hashtags: 'tags[].name + hashtags in content',
  },
  read(value, path, at) {
    if (Array.isArray(value)) return value.flatMap((v, i) => mastodon.read(v, [...path, i], at));
    if (isObject(value) && Array.isArray(value.statuses)) return mastodon.read(value.statuses, [...path, 'statuses'], at);
    return [statusPost(isObject(value) ? value : {}, path, at)];
  },
};
