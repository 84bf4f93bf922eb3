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
  rows: Post[];
  /** Records dropped because their id had already been read. */
  duplicates: number;
}

export interface AccountsDataset extends DatasetBase {
  kind: 'accounts';
  rows: Account[];
}

export interface TableDataset extends DatasetBase {
  kind: 'table';
  rows: Row[];
}

export type Dataset = PostsDataset | AccountsDataset | TableDataset;
