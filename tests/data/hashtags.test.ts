import { describe, expect, it } from 'vitest';
import { extractHashtags, splitHashtags } from '../../src/data/hashtags.ts';

describe('extractHashtags(text)', () => {
  it('finds tags in the author casing, without "#"', () => {
    expect(extractHashtags('RT @x: #KeepCorbyn rally! #JC4PM, #savelabour.')).toEqual(['KeepCorbyn', 'JC4PM', 'savelabour']);
  });
  it('edge cases: numbers only, entities, mid-word, unicode, full-width #', () => {
    expect(extractHashtags('#2016 is not a tag but #2016vote is')).toEqual(['2016vote']);
    expect(extractHashtags('it&#39;s AT&T#1 and a#b')).toEqual([]);
    expect(extractHashtags('#Brexit’s #café ＃Labour')).toEqual(['Brexit', 'café', 'Labour']);
  });
  it('not inside a link, where "#" starts a fragment', () => {
    expect(extractHashtags('#Vote at http://example.com/#KeepCorbyn or www.x.org/a#b, #Now: t.co/x#y')).toEqual(['Vote', 'Now']);
    expect(extractHashtags('WWW.EXAMPLE.COM/#KeepCorbyn HTTPS://X.ORG/#Red')).toEqual([]);
    // A link without its scheme, as Bluesky shows one.
    expect(extractHashtags('#Tide at example.org/report#Section…')).toEqual(['Tide']);
  });
});

describe('splitHashtags(cell)', () => {
  it('accepts spaces, commas and semicolons, with or without "#"', () => {
    expect(splitHashtags('#a b, c;#d  ')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitHashtags('')).toEqual([]);
  });
  it('accepts "|" and JSON-style lists, as listening tools export them', () => {
    expect(splitHashtags('savethetram|fixourbuses')).toEqual(['savethetram', 'fixourbuses']);
    expect(splitHashtags('["#SaveTheTram", "#FixOurBuses"]')).toEqual(['SaveTheTram', 'FixOurBuses']);
    expect(splitHashtags("['SaveTheTram','Buses'")).toEqual(['SaveTheTram', 'Buses']);
    expect(splitHashtags('[]')).toEqual([]);
    expect(splitHashtags('{KeepRed,BlueWave}')).toEqual(['KeepRed', 'BlueWave']);
    expect(splitHashtags('#KeepRed#BlueWave')).toEqual(['KeepRed', 'BlueWave']);
    expect(splitHashtags('KeepRed，BlueWave、Vote')).toEqual(['KeepRed', 'BlueWave', 'Vote']);
  });
});
