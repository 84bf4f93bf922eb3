/**
 * Shared pieces of the social-export adapters. An adapter turns one top-level
 * JSON value of an export (a whole .json file, or one line of an NDJSON file)
 * into normalised {@link Post} records, and reports bad input at the exact
 * place in the file through `at(path)`.
 */
import { BadDate, BadText, ExportFieldShape, error, InexactNumber, jsonValue, type Location, MissingValue } from '../../errors.ts';
import { EXPORT_TIME_WITH_ZONE, isZonelessTime, parseTime } from '../cell.ts';
import { afterCollection, beforeEarliest, type CollectionLimit, EARLIEST_POST } from '../collection.ts';
import type { Post, PostMetrics } from '../types.ts';

export type JsonPath = (string | number)[];
/**
 * Where a path of the file is; and, for the posts of a dataset, the latest a post may be dated
 * ({@link CollectionLimit}), which every time an adapter reads is checked against, at its own place.
 */
export interface Locate {
  (path: JsonPath): Location;
  readonly collection?: CollectionLimit;
}

export interface Adapter {
  /** The manifest's `format` value. */
  format: string;
  /** The `files` pattern when the manifest names none, if not every JSON file (an X archive's folder holds likes too). */
  files?: string;
  /**
   * For an export whose files are scripts around JSON (X's account archive: `window.YTD.tweets.part0 = [ … ]`, see
   * archiveScript.ts), the names of the scripts it reads (`tweets`, `account`…); any other file is refused.
   */
  scripts?: readonly string[];
  /** The export's source fields each record field comes from, as a manifest's `fields` would say. */
  fields: { id: string; time: string; author: string; text: string; hashtags: string };
  /**
   * Normalises one top-level JSON value; `path` is where it sits in the file. What an export says beside its
   * posts goes to `events`, for the loader to apply once every file is read (see {@link AdapterEvents}).
   */
  read(value: unknown, path: JsonPath, at: Locate, events?: AdapterEvents): Post[];
}

/** What an export says beside its posts, which applies across its files. */
export interface AdapterEvents {
  /** A post was deleted (a v1.1 stream's `delete` notice): it is left out wherever it was read, with its reposts. */
  deleted(id: string): void;
  /** The account whose archive this is (an X archive's account.js): the author of its tweets, which name none. */
  account(username: string, at: Location): void;
  /**
   * An X API v2 page's `includes.users` names the user `id` `username`: the author of any post of the dataset that
   * names its author by that id only, whichever page or file it is on (twitterV2.ts, {@link AdapterEvents.authorById}).
   */
  user(id: string, username: string): void;
  /**
   * A post names its author by the id `id` only (an X API v2 page without that user in its `includes.users`); `where`
   * is where that id is, asked for only when the loader keeps it (the first such post of an id in a file).
   */
  authorById(id: string, where: () => Location): void;
}

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** The non-empty strings at `field` of the objects of a list (entities' `text`, tags' `name`); others left out. */
export const stringsAt = (list: unknown, field: string): string[] =>
  asArray(list).flatMap((item) => {
    const value = isObject(item) ? str(item[field]) : undefined;
    return value === undefined ? [] : [value];
  });
/**
 * The list at `field` of `record`, which sits at `path`: none when the export leaves it out (absent or null); any
 * other value is refused where it is, never read as an empty list. `name`: the field as the message names it.
 */
export function listAt(record: Json, field: string, path: JsonPath, at: Locate, name: string): unknown[] {
  const value = record[field];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw error(ExportFieldShape, at([...path, field]), name, 'a list', jsonValue(value));
}

/**
 * The texts at `key` of the objects of the list at `field` (a tweet's `entities.hashtags[].text`): an item of
 * another shape is refused where it is, never left out; an empty text is none.
 */
export function textsAt(record: Json, field: string, key: string, path: JsonPath, at: Locate, name: string): string[] {
  return listAt(record, field, path, at, name).flatMap((item, i) => {
    const value = isObject(item) ? item[key] : undefined;
    if (typeof value !== 'string')
      throw error(ExportFieldShape, at([...path, field, i]), `${name}[${i}]`, `an object with a text "${key}"`, jsonValue(item));
    return value.length > 0 ? [value] : [];
  });
}

/** A tweet's `entities` (X/Twitter v1.1 and v2), where they are and how a message names them. */
export interface Entities {
  entities: Json;
  path: JsonPath;
  name: string;
}

/**
 * The `entities` of `holder` (a tweet, or where a long tweet keeps them), which sits at `path` and which a message
 * names `name` (with its dot: "retweeted_status."): none when left out; any value but an object is refused there.
 */
export function entitiesOf(holder: Json, path: JsonPath, at: Locate, name: string): Entities | undefined {
  const entities = holder.entities;
  if (entities === undefined || entities === null) return undefined;
  return {
    entities: objectAt(entities, [...path, 'entities'], at, `${name}entities`),
    path: [...path, 'entities'],
    name: `${name}entities`,
  };
}

/** `value`, which sits at `path` and a message names `name`, as an object; any other value is refused there. */
export function objectAt(value: unknown, path: JsonPath, at: Locate, name: string): Json {
  if (isObject(value)) return value;
  throw error(ExportFieldShape, at(path), name, 'an object', jsonValue(value));
}

/** A count: a number, or digits in a string (the Twitter account archive writes `"favorite_count": "5"`). */
export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

/** A string field the post cannot do without: a located "is empty" error otherwise. */
export function required(record: Json, field: string, path: JsonPath, at: Locate, name = field): string {
  const value = record[field];
  if (typeof value === 'string' && value.length > 0) return value;
  const where = at([...path, field]);
  if (value === undefined || value === null || value === '') throw error(MissingValue, where, name);
  // A numeric id past 2^53 - 1 was rounded when the JSON was read: two posts could become one.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    throw error(InexactNumber, where, name, String(value));
  throw error(BadText, where, name, JSON.stringify(value));
}

/** Parses an ISO 8601 time with a timezone (Z or an offset) into epoch milliseconds, UTC. */
export function isoTime(record: Json, field: string, path: JsonPath, at: Locate, name = field): number {
  const raw = required(record, field, path, at, name);
  const parsed = parseTime(raw);
  if (!parsed.ok || !(parsed.value instanceof Date)) {
    const expected = parsed.ok ? 'a date-time' : isZonelessTime(raw) ? EXPORT_TIME_WITH_ZONE : parsed.expected;
    throw error(BadDate, at([...path, field]), name, raw, expected);
  }
  return collectedBy(parsed.value.getTime(), raw, [...path, field], at, name);
}

/** `time` (epoch ms, read as `raw` at `path`), once checked against the dataset's collection day and the earliest a post may have. */
export function collectedBy(time: number, raw: string, path: JsonPath, at: Locate, name: string): number {
  if (at.collection && time >= at.collection.latest) throw afterCollection(at.collection, at(path), name, raw);
  if (at.collection && time < EARLIEST_POST) throw beforeEarliest(at(path), name, raw);
  return time;
}

/** Every field optional, and may be given as undefined (an export that lacks it). */
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** Drops metrics the export does not state, and the whole object when none is. */
export function metrics(m: Optional<PostMetrics>): PostMetrics | undefined {
  const kept = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as PostMetrics;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Removes repeated values, keeping the first occurrence's order. */
export const unique = (values: string[]): string[] => [...new Set(values)];

/**
 * Builds a post with only the optional fields that have content, so that a
 * record is the same whatever adapter or cache it came through.
 */
export function post(p: Optional<Post> & Pick<Post, 'id' | 'time' | 'author' | 'text' | 'hashtags'>): Post {
  const out: Post = { id: p.id, time: p.time, author: p.author, text: p.text, hashtags: p.hashtags };
  if (p.mentions && p.mentions.length > 0) out.mentions = p.mentions;
  if (p.urls && p.urls.length > 0) out.urls = p.urls;
  if (p.repostOf !== undefined) out.repostOf = p.repostOf;
  if (p.replyTo !== undefined) out.replyTo = p.replyTo;
  if (p.metrics) out.metrics = p.metrics;
  return out;
}
