/**
 * The files of X's downloadable account archive (its `data/` folder) are
 * scripts, not JSON: `window.YTD.tweets.part0 = [ … ]`. The JSON after the
 * assignment is read as it is, with the assignment blanked out (as many
 * spaces as its bytes), so every line and column of an error stays the file's
 * own. The name says what the file holds: `tweets` (older archives: `tweet`),
 * `account` (whose `username` is the author of every tweet), and many others
 * (likes, followers, direct messages) that are not posts.
 */
/** `window.YTD.<name>.part<N> = `, with any spaces around "=". */
const ASSIGNMENT = /^\uFEFF?window\.YTD\.([A-Za-z0-9_-]+)\.part\d+[ \t]*=[ \t]*/;
/** How far into a file the assignment is looked for: it is under 100 bytes. */
const ASSIGNMENT_BYTES = 256;

export interface ArchiveScript {
  /** What the file holds: "tweets", "tweet", "account", "like"… */
  name: string;
  /** The assignment's length in bytes, blanked before the JSON is parsed. */
  blank: number;
  /** The file's first bytes (fileHead.ts), which said so: a large file's reader looks at them again, not at the file. */
  head: Buffer;
}

/** The archive script a file is, from its first bytes (`head`: fileHead.ts, or the whole file); `undefined` for a file that is not one. */
export function archiveScript(head: Buffer): ArchiveScript | undefined {
  const m = ASSIGNMENT.exec(head.subarray(0, ASSIGNMENT_BYTES).toString('utf8'));
  // The byte order mark is not blanked: blanked() drops it, as an editor shows none.
  return m ? { name: m[1] as string, blank: Buffer.byteLength(m[0].replace(/^\uFEFF/, '')), head } : undefined;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The start of a script, `bytes`, as JSON at the lines and columns an editor shows: a UTF-8 byte order mark
 * dropped (an editor shows none, so a column counted with it would be 3 too many), then the assignment's
 * `blank` bytes made spaces.
 */
export function blanked(bytes: Buffer, blank: number): Buffer {
  if (blank === 0) return bytes;
  const out = Buffer.from(bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes);
  out.fill(0x20, 0, Math.min(blank, out.length));
  return out;
}
