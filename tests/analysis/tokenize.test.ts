import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { cleanText, SENTENCE_START, sentenceOpener, tokenize } from '../../src/analysis/tokenize.ts';

const keys = (text: string, options = {}) => tokenize(text, options).map((t) => t.key);
const texts = (text: string, options = {}) => tokenize(text, options).map((t) => t.text);

describe('tokenize(text, options)', () => {
  it('decodes HTML entities: "&amp;" is not a word, "&#39;" is an apostrophe', () => {
    expect(keys('Rallies &amp; marches &#39;tonight&#39; &quot;today&quot;')).toEqual(['rallies', 'marches', 'tonight', 'today']);
    expect(cleanText('a &lt;b&gt;')).toBe('a <b>');
  });

  it('removes URLs, http, https, www and bare t.co links', () => {
    expect(keys('Read this https://t.co/zeNoe9v1JO and http://example.org/a?b=c www.labour.org.uk t.co/abc manifesto')).toEqual([
      'read',
      'manifesto',
    ]);
  });

  it('removes a leading "RT @user:" prefix, with or without the colon', () => {
    expect(keys('RT @PeteN61: Members decide')).toEqual(['members', 'decide']);
    expect(keys('RT @someone Members decide')).toEqual(['members', 'decide']);
    // "rt" elsewhere is social noise, not a word
    expect(keys('Please RT this rally')).toEqual(['rally']);
  });

  it('drops @mentions by default and keeps them with mentions: true; an e-mail address is no mention', () => {
    expect(keys('Thanks @jeremycorbyn for the rally')).toEqual(['thanks', 'rally']);
    expect(texts('Thanks @jeremycorbyn for the rally', { mentions: true })).toEqual(['Thanks', '@jeremycorbyn', 'rally']);
    expect(keys('write to info@momentum.org', { mentions: true })).toEqual(['write', 'info', 'momentum']);
  });

  it('drops a Bluesky handle or a Mastodon account whole, leaving no "bsky" or "social" behind', () => {
    expect(keys('@alice.bsky.social great work, thanks @ann@mastodon.social and @bob.')).toEqual(['great', 'work', 'thanks']);
    expect(texts('@alice.bsky.social great work', { mentions: true })).toEqual(['@alice.bsky.social', 'great', 'work']);
    expect(keys('RT @alice.bsky.social: tide tables')).toEqual(['tide', 'tables']);
  });

  it('drops a link written without its scheme, as Bluesky shows a link (example.com/harbour-rep…)', () => {
    expect(keys('Report at example.com/harbour-rep… and t.co/x1 beach cleaning')).toEqual(['report', 'beach', 'cleaning']);
    // A slash after a number or an abbreviation is no link.
    expect(keys('Beaches rated 1.5/10, e.g./i.e. sandy')).toEqual(['beaches', 'rated', 'sandy']);
  });

  it('keeps hashtags as terms, case-folded in key and as written in text, leaving out excluded ones', () => {
    const tokens = tokenize('#KeepCorbyn #JezWeCan #jezwecan ＃Solidarity', { exclude: ['keepcorbyn'] });
    expect(tokens.map((t) => t.key)).toEqual(['#jezwecan', '#jezwecan', '#solidarity']);
    expect(tokens.map((t) => t.text)).toEqual(['#JezWeCan', '#jezwecan', '#Solidarity']);
    expect(keys('#SaveLabour now', { exclude: ['#SAVELABOUR'] })).toEqual([]);
  });

  it('drops English stopwords and social noise (rt, via, amp, https) but keeps content words', () => {
    expect(keys('The members are with him via the union amp')).toEqual(['members', 'union']);
    expect(keys('a serious general election')).toEqual(['serious', 'general', 'election']);
  });

  it('straightens curly apostrophes and removes possessives; other contractions are stopwords', () => {
    expect(texts("Corbyn’s Labour, Corbyn's party, the party’s rules")).toEqual(['Corbyn', 'Labour', 'Corbyn', 'party', 'party', 'rules']);
    expect(keys('don’t won’t can’t')).toEqual([]);
  });

  it('leaves emoji and other symbols out, splitting words they touch', () => {
    expect(keys('Standing room only 👍 at the hall🔥solidarity ✊🏽')).toEqual(['standing', 'room', 'hall', 'solidarity']);
  });

  it('drops numbers and terms shorter than minLength (default 3; "#" and "@" not counted)', () => {
    expect(keys('NHS 2016 #21st Oz #EU')).toEqual(['nhs', '#21st']);
    expect(keys('Oz #EU', { minLength: 2 })).toEqual(['oz', '#eu']);
  });

  it('drops amounts as it drops numbers: magnitudes, pence, times of day, ordinals, and a number after a currency sign', () => {
    // The trial's cloud: "£261m" left "261m", a quarter of its 100 words such tokens.
    expect(keys('Tram costs £261m, not £2.5bn or $20M; 10k signed, 50% agree, €3 a ticket, 50p off')).toEqual([
      'tram',
      'costs',
      'signed',
      'agree',
      'ticket',
    ]);
    expect(keys('Meeting at 3pm or 10AM on the 21st, 2nd and 3rd; £20pw and €5million')).toEqual(['meeting']);
    // A closed list, not "digits then letters": these are what a debate is about.
    expect(keys('5GW turbines, 4chan, 2FA codes, 20mph zones, 3DS games')).toEqual([
      '5gw',
      'turbines',
      '4chan',
      '2fa',
      'codes',
      '20mph',
      'zones',
      '3ds',
      'games',
    ]);
    // Letters first ("g7", "covid19") is a word; a hashtag stays as its author tagged it, unless it is digits alone.
    expect(keys('covid19 at the G20: #10k #21st #2025')).toEqual(['covid19', 'g20', '#10k', '#21st']);
  });

  it('marks words that open a sentence, so their capital is not taken for their casing', () => {
    const tokens = tokenize('#SavingLabour Members, vote. Labour wins: Members matter to Labour', { exclude: ['SavingLabour'] });
    expect(tokens.map((t) => [t.text, t.initial])).toEqual([
      ['Members', true],
      ['vote', false],
      ['Labour', true],
      ['wins', false],
      ['Members', true],
      ['matter', false],
      ['Labour', false],
    ]);
  });

  it('keeps accented letters and hyphenated words whole', () => {
    expect(keys('Café centre-left économie')).toEqual(['café', 'centre-left', 'économie']);
  });
});

describe('sentenceOpener(text)', () => {
  it('says what SENTENCE_START says of every prefix, on texts made of the characters that matter', () => {
    const alphabet = ['a', 'B', '#', '@', ' ', '\n', '\u00a0', '\u2003', '.', '!', '?', ':', ';', '"', '“', '(', ',', '-', '😀', "'"];
    const random = randomLcg(7);
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 14);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const opens = sentenceOpener(text);
      for (let i = 0; i <= text.length; i++) expect(opens(i), JSON.stringify(text.slice(0, i))).toBe(SENTENCE_START.test(text.slice(0, i)));
    }
  });
});
