/**
 * Mastodon statuses as the REST API returns them (a JSON array from a
 * timeline, `{ statuses: […] }` from search, or one status per NDJSON line).
 * Field names follow the Status entity: `id`, `created_at`, `account.acct`,
 * `content` (HTML), `spoiler_text`, `tags[].name`, `mentions[].acct`,
 * `reblog` (the boosted status), `in_reply_to_id`, `reblogs_count`,
 * `replies_count`, `favourites_count`.
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

function statusPost(status: Json, path: JsonPath, at: Locate): Post {
  const id = required(status, 'id', path, at);
  const time = isoTime(status, 'created_at', path, at);
  const account = isObject(status.account) ? status.account : {};
  const author = required(account, 'acct', [...path, 'account'], at, 'account.acct');
  const boosted = isObject(status.reblog) ? status.reblog : undefined;
  const repostOf = boosted ? required(boosted, 'id', [...path, 'reblog'], at, 'reblog.id') : undefined;
  const source = boosted ?? status;
  const html = typeof source.content === 'string' ? source.content : '';
  const body = htmlToText(html);
  // A content warning is part of what readers see first.
  const text = str(source.spoiler_text) ? `${source.spoiler_text}\n\n${body}` : body;
  // Servers store tag names normalised (HashtagNormalizer: NFKC, lower case, accents folded: "Élection" is
  // "election"); keep the author's spelling from the text where it is there, so a campaign's "#Élection" matches.
  const written = new Map(extractHashtags(text).map((tag) => [mastodonTagKey(tag), tag]));
  const hashtags = asArray(source.tags).flatMap((t) =>
    isObject(t) && str(t.name) ? [written.get(mastodonTagKey(t.name as string)) ?? (t.name as string)] : [],
  );
  const mentions = asArray(source.mentions).flatMap((m) => (isObject(m) && str(m.acct) ? [m.acct as string] : []));
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
  fields: { id: 'id', time: 'created_at', author: 'account.acct', text: 'content (HTML as text)', hashtags: 'tags[].name' },
  read(value, path, at) {
    if (Array.isArray(value)) return value.flatMap((v, i) => mastodon.read(v, [...path, i], at));
    if (isObject(value) && Array.isArray(value.statuses)) return mastodon.read(value.statuses, [...path, 'statuses'], at);
    return [statusPost(isObject(value) ? value : {}, path, at)];
  },
};
