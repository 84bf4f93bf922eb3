import { describe, expect, it } from 'vitest';
import { didYouMean, nearestKeys } from '../src/nearest.ts';

describe('nearestKeys / didYouMean', () => {
  it('suggests slips (a letter missed, added, changed or two swapped), closest first', () => {
    expect(nearestKeys('pcnt', ['pct', 'n', 'count'])).toEqual(['pct']);
    expect(nearestKeys('Tag', ['Tags', 'Date'])).toEqual(['Tags']);
    expect(nearestKeys('ue', ['eu', 'fr'])).toEqual(['eu']);
    expect(nearestKeys('wher', ['where', 'share', 'column'])).toEqual(['where']);
  });

  it('does not suggest a name most of which would be rewritten', () => {
    expect(nearestKeys('xlsx', ['csv', 'tsv', 'json'])).toEqual([]);
    expect(didYouMean('pcnt', ['n'])).toBe('');
    // Four edits in seven letters: no more a slip than a different word.
    expect(nearestKeys('colour', ['columns', 'source', 'title'])).toEqual([]);
    expect(nearestKeys('colour', ['columns', 'color'])).toEqual(['color']);
  });

  it('offers only the names about as near as the nearest', () => {
    expect(didYouMean('harbour-mastadon', ['harbour-mastodon', 'harbour-listening', 'harbour-tweets'])).toBe(
      ' Did you mean "harbour-mastodon"?',
    );
    expect(nearestKeys('polll', ['poll', 'polls', 'pol'])).toEqual(['poll', 'polls', 'pol']);
    expect(nearestKeys('datum', ['date', 'datetime', 'string'])).toEqual(['date', 'datetime']);
  });

  it('names each known name once, however often it is listed', () => {
    expect(didYouMean('poll', ['polls', 'polls', 'weekly'])).toBe(' Did you mean "polls"?');
  });
});
