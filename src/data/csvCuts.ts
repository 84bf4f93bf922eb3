/**
 * Where a large CSV file can be cut into parts that several threads parse at once (streamParts.ts): each cut is the
 * byte after a line feed that ends a record, not one inside a quoted field ("a tweet\nwith a line break").
 *
 * A line feed ends a record when an even number of quote characters come before it. csv-parse, with the options the
 * readers use (the default quote and escape, `"`, and quotes not relaxed), gives every quote one of three roles: it
 * opens a quoted field, closes one, or is one of the pair `""` inside one; a quote anywhere else is a syntax error. So
 * before any syntax error the count's parity says whether the parser is inside a quoted field. A file with a syntax
 * error before a cut fails in the part before it, as it fails when read whole, at the same record: the cut never
 * decides what a file means. A line feed is never a byte of a longer UTF-8 character, so a cut is a character's start.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Up to `parts − 1` cuts, in order, near the `parts`-th parts of the file's bytes after `from` (where its first part
 * may start reading, such as after a title block); fewer when the file ends first, or a quoted field runs on to the end.
 */
export function csvCuts(path: string, parts: number, from = 0): number[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const targets = Array.from({ length: parts - 1 }, (_, k) => from + Math.floor(((size - from) * (k + 1)) / parts));
    const cuts: number[] = [];
    const chunk = Buffer.alloc(1 << 20);
    let quotes = 0;
    for (let at = 0; at < size && cuts.length < targets.length; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
      if (n === 0) break;
      const bytes = chunk.subarray(0, n);
      // Quotes are counted one by one (indexOf: native); line feeds are looked at only past the next target.
      for (let i = 0; i < n; ) {
        const target = targets[cuts.length];
        if (target === undefined) break;
        const quote = bytes.indexOf(QUOTE, i);
        if (at + i < target) {
          const upTo = Math.min(n, target - at);
          if (quote !== -1 && quote < upTo) {
            quotes++;
            i = quote + 1;
          } else i = upTo;
          continue;
        }
        const lf = bytes.indexOf(LF, i);
        if (lf === -1 && quote === -1) break;
        if (quote !== -1 && (lf === -1 || quote < lf)) {
          quotes++;
          i = quote + 1;
        } else {
          i = lf + 1;
          // A cut at the end of the file would leave a part with nothing to read.
          if (quotes % 2 === 0 && at + i < size) cuts.push(at + i);
        }
      }
      at += n;
    }
    return cuts;
  } finally {
    closeSync(fd);
  }
}
