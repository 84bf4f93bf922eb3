/**
 * The records every dataset kind is normalised to at load time. Code past the
 * loader trusts these types: validation happens once, at the boundary.
 */

/** A social post (tweet, toot, skeet…) after field mapping. */
export interface Post {
  /** Unique within a dataset; duplicates across files are counted once. */
  id: string;
  /** Milliseconds since the Unix epoch, UTC. */
  time: number;
  author: string;
  text: string;
  /** Hashtags without the leading "#", in the casing the author used. */
  hashtags: string[];
  /**
   * The fields below are filled by the social-export adapters (`format:
   * twitter-v2 | twitter-v1 | bluesky | mastodon`) where the export has them;
   * posts read through a CSV column mapping leave them out.
   */
  /** Accounts mentioned, without "@" (a Bluesky mention is its handle as written in the text). */
  mentions?: string[];
  /** Links in the post, expanded where the export gives the full URL. */
  urls?: string[];
  /** The id of the post this one reposts (retweet, boost, Bluesky repost); see README, "Reposts". */
  repostOf?: string;
  /** The id of the post this one replies to. */
  replyTo?: string;
  /** Engagement counts as the export states them at collection time; absent on reposts. */
  metrics?: PostMetrics;
}

export interface PostMetrics {
  reposts?: number;
  replies?: number;
  likes?: number;
  quotes?: number;
}

/** One account on one platform, with its audience size. */
export interface Account {
  id: string;
  name: string;
  platform: string;
  followers: number;
  /** Any further typed columns the manifest declares (e.g. `side`, `role`). */
  [column: string]: Cell;
}

/** A cell of a plain table. Dates are normalised to UTC `Date` objects. */
export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

export type DatasetKind = 'posts' | 'accounts' | 'table';

export interface DatasetFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  sha256: string;
  bytes: number;
  /** Records read from this file (before de-duplication). */
  rows: number;
}

export interface DatasetBase {
  id: string;
  /** Directory relative to the project root. */
  dir: string;
  manifest: import('./manifest.ts').Manifest;
  files: DatasetFile[];
  /** SHA-256 over the manifest and every data file, in load order. */
  digest: string;
}

export interface PostsDataset extends DatasetBase {
  kind: 'posts';
  manifest: import('./manifest.ts').PostsManifest;
  rows: Post[];
  /** Records dropped because their id had already been read. */
  duplicates: number;
  /** Posts left out because the export says they were deleted (a v1.1 stream's `delete` notices), and their reposts. */
  deleted: number;
  /** Time of the earliest and the latest post, epoch ms UTC (none without posts); worked out once, at load. */
  period?: [number, number];
}

export interface AccountsDataset extends DatasetBase {
  kind: 'accounts';
  manifest: import('./manifest.ts').AccountsManifest;
  rows: Account[];
}

export interface TableDataset extends DatasetBase {
  kind: 'table';
  manifest: import('./manifest.ts').TableManifest;
  rows: Row[];
}

export type Dataset = PostsDataset | AccountsDataset | TableDataset;
