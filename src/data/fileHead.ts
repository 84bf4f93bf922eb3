/**
 * A file's first bytes, which say what it is before it is read: a byte order
 * mark (UTF-16 text), an X archive's script assignment, the first character
 * of a JSON document, a .txt table's first line. One read from the start, of
 * at most `length` bytes (all of a shorter file).
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Enough for a table's first line, or the first character of JSON after its blank lines and an archive's assignment. */
export const HEAD_BYTES = 4096;

export function fileHead(path: string, length = HEAD_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(length);
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}
