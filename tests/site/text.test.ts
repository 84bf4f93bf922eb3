import { describe, expect, it } from 'vitest';
import { datasetUrl, MAX_SLUG, readingMinutes, slug, wordCount } from '../../src/site/text.ts';

describe('site helpers', () => {
  it('slug(text) folds accents and punctuation', () => {
    expect(slug('Ed Gavaghan')).toBe('ed-gavaghan');
    expect(slug('Zoë Ångström-Øye')).toBe('zoe-angstrom-øye');
    expect(slug('labour-leadership')).toBe('labour-leadership');
    expect(slug('#KeepCorbyn!')).toBe('keepcorbyn');
  });

  it('slug(text) cuts a long name to a length a folder can have, and keeps two long names apart', () => {
    const a = slug(`${'Word'.repeat(75)} A`);
    const b = slug(`${'Word'.repeat(75)} B`);
    expect(a).toMatch(/^(word)+w?o?r?-[0-9a-f]{8}$/);
    expect(a.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(a).not.toBe(b);
    expect(slug('x'.repeat(MAX_SLUG))).toBe('x'.repeat(MAX_SLUG));
    // Characters outside the BMP take 4 bytes each: 80 of them would not fit a 255-byte folder name.
    const wide = slug('\u{20000}'.repeat(MAX_SLUG));
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(160);
    expect(wide).toMatch(/-[0-9a-f]{8}$/);
  });

  it('datasetUrl(id) keeps a folder name with "#", "?", "%", quotes or spaces one path segment', () => {
    expect(datasetUrl('labour-2016-tweets')).toBe('/data/labour-2016-tweets/');
    expect(datasetUrl('q#1?x=%41 "é"')).toBe('/data/q%231%3Fx=%2541%20%22%C3%A9%22/');
    // What a static host decodes is the folder name; ":" stays as it is (astro dev does not decode "%3A").
    expect(decodeURIComponent(datasetUrl('a:b <c>'))).toBe('/data/a:b <c>/');
  });

  it('wordCount(html) counts prose, not SVG, data tables or markup; readingMinutes is at least 1', () => {
    const html =
      '<p>One two <span class="value">79.4%</span> three.</p><figure><svg><text>axis label</text></svg><details><table><td>9</td></table></details></figure>';
    expect(wordCount(html)).toBe(4);
    expect(readingMinutes(4)).toBe(1);
    expect(readingMinutes(1150)).toBe(5);
  });
});
