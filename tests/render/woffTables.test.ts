import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { woffTables } from '../../src/render/woffTables.ts';
import { CLOUD_FACES, cloudFontPath } from '../../src/render/wordcloud/fontMetrics.ts';

/** Words in every script the cloud font's faces draw, and some they do not (drawn with .notdef). */
const WORDS = [
  'Corbyn’s',
  '#JezWeCan',
  'rally',
  'Łódź',
  'Straße',
  'řeka',
  'Şişli',
  'Țară',
  'Καλημέρα',
  'ἀρχή',
  'Привет',
  'Ґанок',
  'Việt',
  'שלום',
  '中文',
];

/** A table's checksum as the OpenType spec sums it: big-endian 32-bit words, `head` without checkSumAdjustment. */
function tableChecksum(tag: string, data: Buffer): number {
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  if (tag === 'head') padded.writeUInt32BE(0, 8);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Every WOFF file the site reads: the cloud font's faces (600) and the social cards' (400 and 700), each subset. */
const fontsource = join(import.meta.dirname, '..', '..', 'node_modules', '@fontsource', 'source-sans-3', 'files');
const FILES = readdirSync(fontsource).filter((f) => /-(400|600|700)-normal\.woff$/.test(f));

describe('woffTables(file)', () => {
  it('is given every file the clouds and the cards read', () => {
    expect(FILES).toHaveLength(21);
    for (const face of CLOUD_FACES) expect(FILES).toContain(face.file);
  });

  for (const file of FILES) {
    it(`unwraps ${file} into a font file that fontkit lays out exactly as the WOFF`, () => {
      const woff = readFileSync(join(fontsource, file));
      const font = woffTables(woff);
      expect(font.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the wrapped font's version
      const count = font.readUInt16BE(4);
      expect(count).toBe(woff.readUInt16BE(12));
      const tags: string[] = [];
      for (let i = 0; i < count; i++) {
        const at = 12 + i * 16;
        const tag = font.toString('latin1', at, at + 4);
        const [checksum, offset, length] = [font.readUInt32BE(at + 4), font.readUInt32BE(at + 8), font.readUInt32BE(at + 12)];
        expect(offset % 4, tag).toBe(0);
        // Each table inflated to the bytes the original font had: its checksum is the one the WOFF directory kept.
        expect(tableChecksum(tag, font.subarray(offset, offset + length)), tag).toBe(checksum);
        tags.push(tag);
      }
      expect(tags).toEqual([...tags].sort());
      const wrapped = fontkit.create(woff) as fontkit.Font;
      const unwrapped = fontkit.create(font) as fontkit.Font;
      expect(unwrapped.unitsPerEm).toBe(wrapped.unitsPerEm);
      for (const word of WORDS) {
        const [a, b] = [wrapped.layout(word), unwrapped.layout(word)];
        expect(
          b?.glyphs.map((g) => g.id),
          word,
        ).toEqual(a?.glyphs.map((g) => g.id));
        expect(b.advanceWidth, word).toBe(a.advanceWidth);
        expect(b.bbox, word).toEqual(a.bbox);
      }
    });
  }

  it('returns any other font file as it is (TrueType, OpenType, WOFF2)', () => {
    const ttf = woffTables(readFileSync(cloudFontPath(CLOUD_FACES[0]?.file ?? '')));
    expect(woffTables(ttf)).toBe(ttf);
    const woff2 = Buffer.from('wOF2\0\x01\0\0', 'latin1');
    expect(woffTables(woff2)).toBe(woff2);
  });

  it('refuses a WOFF file cut short, or whose tables lie outside it, saying so', () => {
    const woff = readFileSync(cloudFontPath('source-sans-3-latin-600-normal.woff'));
    expect(() => woffTables(woff.subarray(0, 60))).toThrow(/cut short: \d+ tables announced/);
    expect(() => woffTables(woff.subarray(0, woff.length - 100))).toThrow(/table \d+ of \d+ lies outside it/);
  });
});
