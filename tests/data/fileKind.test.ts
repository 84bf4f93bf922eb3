import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileKind } from '../../src/data/fileKind.ts';

const CSV = 'id,created_at,user,text\n1,2016-07-01T10:00:00Z,José,#España\n';
const le = (text: string) => Buffer.from(text, 'utf16le');
const be = (text: string) => le(text).swap16();
/** A zip's first local file header, naming its first entry. */
const zip = (entry: string, data = '') =>
  Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000', 'latin1'), Buffer.alloc(24), Buffer.from(entry + data)]);

describe('fileKind(head)', () => {
  it('says nothing of UTF-8 text, with or without its byte order mark, accented letters and all', () => {
    expect(fileKind(Buffer.from(CSV))).toBeUndefined();
    expect(fileKind(Buffer.from(`\uFEFF${CSV}`))).toBeUndefined();
    expect(fileKind(Buffer.from('[{"a": 1}]'))).toBeUndefined();
    expect(fileKind(Buffer.from('a'))).toBeUndefined();
    expect(fileKind(Buffer.alloc(0))).toBeUndefined();
  });

  it('tells gzip, a zip, and the workbooks by their first bytes', () => {
    expect(fileKind(gzipSync(CSV))).toEqual({ kind: 'compressed', by: 'gzip' });
    // bzip2, xz and Zstandard by their magic bytes (the files `bzip2`, `xz` and `zstd` write); "BZh" needs its digit.
    expect(fileKind(Buffer.concat([Buffer.from('BZh9'), Buffer.from([0x31, 0x41, 0x59])]))).toEqual({ kind: 'compressed', by: 'bzip2' });
    expect(fileKind(Buffer.from('BZh,area,leave\n'))).toBeUndefined();
    expect(fileKind(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]))).toEqual({ kind: 'compressed', by: 'xz' });
    expect(fileKind(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58]))).toEqual({ kind: 'compressed', by: 'zstd' });
    expect(fileKind(zip('[Content_Types].xml'))).toEqual({ kind: 'workbook', workbook: 'XLSX' });
    expect(fileKind(zip('xl/workbook.xml'))).toEqual({ kind: 'workbook', workbook: 'XLSX' });
    expect(fileKind(zip('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toEqual({ kind: 'workbook', workbook: 'ODS' });
    expect(fileKind(zip('tweets.csv'))).toEqual({ kind: 'zip' });
    expect(fileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ kind: 'workbook', workbook: 'XLS' });
  });

  it('tells UTF-16 by its byte order mark, or without one by the NUL in every other byte', () => {
    expect(fileKind(le(`\uFEFF${CSV}`))).toEqual({ kind: 'utf16', bigEndian: false, mark: true });
    expect(fileKind(be(`\uFEFF${CSV}`))).toEqual({ kind: 'utf16', bigEndian: true, mark: true });
    expect(fileKind(le(CSV))).toEqual({ kind: 'utf16', bigEndian: false, mark: false });
    expect(fileKind(be(CSV))).toEqual({ kind: 'utf16', bigEndian: true, mark: false });
    // Plain JSON too, and a header with a character whose low byte is 0 (U+0100).
    expect(fileKind(le('[{"a": 1}]'))).toEqual({ kind: 'utf16', bigEndian: false, mark: false });
    expect(fileKind(be('Ā,name,text\n'))).toEqual({ kind: 'utf16', bigEndian: true, mark: false });
    expect(fileKind(le('Ā,name,text\n'))).toEqual({ kind: 'utf16', bigEndian: false, mark: false });
  });
});
