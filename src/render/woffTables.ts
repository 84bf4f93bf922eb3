/**
 * A WOFF 1.0 font file as the TrueType/OpenType file it wraps, its tables inflated by node:zlib.
 *
 * fontkit (the word clouds' measurements) and satori (the social cards) read WOFF themselves, but inflate each table
 * in JavaScript: the cloud font's Latin face took a tenth of a second of a cold build's CPU on each thread that
 * measured words, half of it the optimizing compiler's work on the inflater, and the cards' fourteen files half a
 * tenth more on every build. Unwrapped here, the same tables reach them as plain font files, so every measurement is
 * the same (tests/render/woffTables.test.ts compares fontkit's; the cards' PNGs are byte for byte the same).
 *
 * The format (W3C, "WOFF File Format 1.0", sections 3–5): a 44-byte header (`wOFF`, the wrapped font's version, the
 * table count at byte 12), then a 20-byte entry per table (tag, offset, compressed length, original length, original
 * checksum), each table zlib-compressed unless its two lengths are equal. The font file is a 12-byte offset table, a
 * 16-byte record per table (tag, checksum, offset, length) in the directory's order (ascending tags, as WOFF requires),
 * then each table, padded to four bytes. Anything that is not WOFF 1.0 (a TTF, an OTF, WOFF2) is returned as it is.
 */
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646; // "wOFF"
const HEADER = 44;
const ENTRY = 20;
const RECORD = 16;

const padded = (n: number) => (n + 3) & ~3;

export function woffTables(file: Buffer): Buffer {
  if (file.length < HEADER || file.readUInt32BE(0) !== WOFF) return file;
  const count = file.readUInt16BE(12);
  if (file.length < HEADER + count * ENTRY) throw new Error(`the WOFF file is cut short: ${count} tables announced`);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = HEADER + i * ENTRY;
    const entry = {
      tag: file.readUInt32BE(at),
      offset: file.readUInt32BE(at + 4),
      compressed: file.readUInt32BE(at + 8),
      length: file.readUInt32BE(at + 12),
      checksum: file.readUInt32BE(at + 16),
    };
    if (entry.offset + entry.compressed > file.length || entry.compressed > entry.length)
      throw new Error(`the WOFF file's table ${i + 1} of ${count} lies outside it`);
    return entry;
  });
  let size = 12 + count * RECORD;
  for (const table of tables) size += padded(table.length);
  const font = Buffer.alloc(size);
  font.writeUInt32BE(file.readUInt32BE(4), 0); // the wrapped font's version (TrueType 0x00010000, or "OTTO")
  font.writeUInt16BE(count, 4);
  const power = count === 0 ? 0 : 2 ** Math.floor(Math.log2(count));
  font.writeUInt16BE(power * RECORD, 6); // searchRange
  font.writeUInt16BE(power === 0 ? 0 : Math.log2(power), 8); // entrySelector
  font.writeUInt16BE((count - power) * RECORD, 10); // rangeShift
  let offset = 12 + count * RECORD;
  tables.forEach((table, i) => {
    const stored = file.subarray(table.offset, table.offset + table.compressed);
    const data = table.compressed < table.length ? inflateSync(stored) : stored;
    if (data.length !== table.length)
      throw new Error(`the WOFF file's table ${i + 1} of ${count} inflates to ${data.length} bytes, not ${table.length}`);
    const at = 12 + i * RECORD;
    font.writeUInt32BE(table.tag, at);
    font.writeUInt32BE(table.checksum, at + 4);
    font.writeUInt32BE(offset, at + 8);
    font.writeUInt32BE(table.length, at + 12);
    data.copy(font, offset);
    offset += padded(table.length);
  });
  return font;
}
