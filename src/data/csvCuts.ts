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
 * Up to `parts − 1` cuts, in order, each at the first record's start at or after the next `parts`-th of the file's
 * bytes; fewer when the file ends first, or a quoted field runs on to the end.
 */
export function csvCuts(path: string, parts: number): number[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const targets = Array.from({ length: parts - 1 }, (_, k) => Math.floor((size * (k + 1)) / parts));
    const cuts: number[] = [];
    const chunk = Buffer.alloc(1 << 20);
    let quotes = 0;
    // A plain loop over the bytes: twice as fast as finding each quote with indexOf (a posts export has several a record).
    let target = targets[0] as number;
    for (let at = 0; at < size && cuts.length < targets.length; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) quotes++;
        // A cut at the end of the file would leave a part with nothing to read.
        else if (byte === LF && at + i >= target && quotes % 2 === 0 && at + i + 1 < size) {
          cuts.push(at + i + 1);
          if (cuts.length === targets.length) break;
          target = targets[cuts.length] as number;
        }
      }
      at += n;
    }
    return cuts;
  } finally {
    closeSync(fd);
  }
}
