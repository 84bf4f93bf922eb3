/**
 * What a data file is when its first bytes say it is not the text its name says: compressed (gzip, bzip2, xz,
 * Zstandard, zip), a
 * spreadsheet workbook renamed .csv, or text in UTF-16 that the readers cannot decode. Read once per file from its
 * head (fileHead.ts), before any record: read anyway, each of these would be refused at "line 1" as "not UTF-8 (is it
 * Windows-1252?)", or, when its bytes happen to be valid UTF-8 (UTF-16 of plain letters is, with a NUL between
 * them), as a header without the mapped columns.
 */

/** What a file's first bytes say it is, when not UTF-8 text. */
export type FileKind =
  | { kind: 'compressed'; by: Compressor }
  | { kind: 'zip' }
  | { kind: 'workbook'; workbook: 'XLSX' | 'XLS' | 'ODS' }
  | { kind: 'utf16'; bigEndian: boolean; mark: boolean };

/** The stream compressors whose files a data folder may hold by mistake, as their first bytes name them. */
export type Compressor = 'gzip' | 'bzip2' | 'xz' | 'zstd';
const COMPRESSED: [Compressor, Buffer][] = [
  ['gzip', Buffer.from([0x1f, 0x8b])],
  // "BZh" and the block size, 1–9.
  ['bzip2', Buffer.from('BZh', 'latin1')],
  ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
  ['zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd])],
];
/** A zip archive's local file header, which an XLSX or ODS workbook is too. */
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
/** The compound file of Excel 97–2003 (.xls). */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** How many bytes are looked at for UTF-16 without a byte order mark: a header's worth. */
const SAMPLE = 512;

/**
 * The kind of file `head` (its first bytes) starts, or `undefined` for anything else (UTF-8 text, with or without a
 * byte order mark). UTF-16LE with its byte order mark is one: CSV and TSV are read in it (csv-parse decodes it), JSON
 * is not; the caller decides. A zip is an XLSX workbook when its first entries
 * are Office Open XML's ("[Content_Types].xml", "xl/"), an ODS when it names OpenDocument's spreadsheet type.
 *
 * UTF-16 without a byte order mark is told by its NULs: text in the Latin script (a header always is) has a zero
 * byte in every other place, the second of each pair in little-endian, the first in big-endian; UTF-8 text has none.
 */
export function fileKind(head: Buffer): FileKind | undefined {
  for (const [by, magic] of COMPRESSED) {
    if (!head.subarray(0, magic.length).equals(magic)) continue;
    // bzip2's "BZh" could begin a text ("BZh,"): its block size digit follows.
    if (by !== 'bzip2' || (head[3] !== undefined && head[3] >= 0x31 && head[3] <= 0x39)) return { kind: 'compressed', by };
  }
  if (head.subarray(0, 4).equals(ZIP)) {
    const names = head.toString('latin1');
    if (names.includes('[Content_Types].xml') || names.includes('xl/')) return { kind: 'workbook', workbook: 'XLSX' };
    if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'workbook', workbook: 'ODS' };
    return { kind: 'zip' };
  }
  if (head.subarray(0, 8).equals(OLE2)) return { kind: 'workbook', workbook: 'XLS' };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'utf16', bigEndian: true, mark: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'utf16', bigEndian: false, mark: true };
  let even = 0;
  let odd = 0;
  const pairs = Math.floor(Math.min(head.length, SAMPLE) / 2);
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0 && head[i + 1] !== 0) even++;
    else if (head[i] !== 0 && head[i + 1] === 0) odd++;
  }
  // Most pairs, and hardly any the other way round (a character such as U+0100 has a zero low byte).
  if (pairs >= 2 && odd * 2 >= pairs && even * 8 <= odd) return { kind: 'utf16', bigEndian: false, mark: false };
  if (pairs >= 2 && even * 2 >= pairs && odd * 8 <= even) return { kind: 'utf16', bigEndian: true, mark: false };
  return undefined;
}
