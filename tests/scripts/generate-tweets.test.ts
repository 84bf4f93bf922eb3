import { readdirSync, readFileSync } from 'node:fs';
import { max, mean, rollup } from 'd3-array';
import { csvParse } from 'd3-dsv';
import { utcMonday } from 'd3-time';
import { describe, expect, it } from 'vitest';
import { generateTweets, OUTPUT_DIR, renderFiles, TARGETS, type Tweet, toCsv, weeklyPlan } from '../../scripts/generate-tweets.ts';
import { extractHashtags } from '../../src/data/hashtags.ts';

const KEEP_CORBYN = /#keepcorbyn/i;
const SAVING_LABOUR = /#(?:savinglabour|savelabour)/i;

const tweets = generateTweets(); // seed 2016, as committed

function categories(rows: readonly Tweet[]) {
  let onlyKeepCorbyn = 0;
  let onlySavingLabour = 0;
  let both = 0;
  let neither = 0;
  for (const { text } of rows) {
    const kc = KEEP_CORBYN.test(text);
    const sl = SAVING_LABOUR.test(text);
    if (kc && sl) both++;
    else if (kc) onlyKeepCorbyn++;
    else if (sl) onlySavingLabour++;
    else neither++;
  }
  return { onlyKeepCorbyn, onlySavingLabour, both, neither };
}

describe('generateTweets', () => {
  it('is deterministic: the same seed gives identical rows, another seed different rows', () => {
    expect(toCsv(generateTweets({ seed: 2016 }))).toBe(toCsv(tweets));
    const other = generateTweets({ seed: 2017 });
    expect(toCsv(other)).not.toBe(toCsv(tweets));
    // The calibrated counts do not depend on the seed.
    expect(categories(other)).toEqual(categories(tweets));
  });

  it('reproduces the published aggregates over unique tweets', () => {
    expect(new Set(tweets.map((t) => t.id)).size).toBe(tweets.length);
    expect(tweets.length).toBe(TARGETS.total);
    expect(tweets.length).toBe(78_412);
    const counts = categories(tweets);
    expect(counts).toEqual({ onlyKeepCorbyn: 62_259, onlySavingLabour: 16_074, both: 79, neither: 0 });
    expect(((100 * counts.onlyKeepCorbyn) / tweets.length).toFixed(1)).toBe('79.4');
    expect(((100 * counts.onlySavingLabour) / tweets.length).toFixed(1)).toBe('20.5');
  });

  it('keeps every tweet inside the collection window, 1 July to Sunday 18 September 2016 (UTC)', () => {
    // The article citing these aggregates is dated Monday 19 September, before the ballot closed (21st) and the result (24th).
    const from = Date.UTC(2016, 6, 1);
    const to = Date.UTC(2016, 8, 18, 23, 59, 59);
    for (const { created_at } of tweets) {
      expect(created_at).toMatch(/^2016-0[789]-\d\dT\d\d:\d\d:\d\dZ$/);
      const time = Date.parse(created_at);
      expect(time >= from && time <= to, created_at).toBe(true);
    }
    expect(tweets[0]?.created_at.startsWith('2016-07-01')).toBe(true);
    expect(tweets.at(-1)?.created_at.startsWith('2016-09-18')).toBe(true);
  });

  it('never reports the close of the ballot, the result or the conference as past', () => {
    const afterTheWindow =
      /61\.8|won again|re-elected|congratulations|result is in|disappointed by the result|ballot (?:has )?closed|leader’s speech/i;
    const leaks = tweets.filter((t) => afterTheWindow.test(t.text)).map((t) => t.text);
    expect(leaks).toEqual([]);
  });

  it('agrees with Twitter-style hashtag extraction', () => {
    for (const { text } of tweets) {
      const tags = extractHashtags(text).map((tag) => tag.toLowerCase());
      expect(tags.includes('keepcorbyn')).toBe(KEEP_CORBYN.test(text));
      expect(tags.includes('savinglabour') || tags.includes('savelabour')).toBe(SAVING_LABOUR.test(text));
    }
  });

  it('has a largest weekly gap above 8,000 and a mean gap below it', () => {
    const weekly = rollup(
      tweets,
      (rows) => ({
        kc: rows.filter((t) => KEEP_CORBYN.test(t.text)).length,
        sl: rows.filter((t) => SAVING_LABOUR.test(t.text)).length,
      }),
      (t) => +utcMonday(new Date(t.created_at)),
    );
    const sorted = [...weekly].sort((a, b) => a[0] - b[0]);
    // ISO weeks from 2016-06-27 (partial: Fri 1 to Sun 3 July) to 2016-09-12 (full: ends Sun 18 September).
    expect(sorted.map(([week]) => new Date(week).toISOString().slice(0, 10))).toEqual([
      '2016-06-27',
      '2016-07-04',
      '2016-07-11',
      '2016-07-18',
      '2016-07-25',
      '2016-08-01',
      '2016-08-08',
      '2016-08-15',
      '2016-08-22',
      '2016-08-29',
      '2016-09-05',
      '2016-09-12',
    ]);
    const weeks = sorted.map(([, { kc, sl }]) => Math.abs(kc - sl));
    const largest = max(weeks) ?? 0;
    expect(largest).toBeGreaterThan(8000);
    // The peak is the week of the NEC ruling (11 July).
    expect(weeks.indexOf(largest)).toBe(2);
    expect(largest).toBeGreaterThanOrEqual(8300);
    expect(largest).toBeLessThanOrEqual(9500);
    expect(mean(weeks)).toBeLessThan(0.5 * largest);
    expect(weeks.at(-1)).toBeLessThan(largest);
    // The same series as the generator's deterministic plan.
    expect(weeklyPlan().map((w) => w.gap)).toEqual(weeks);
  });

  it('writes tweet-like rows: 18-digit ids increasing with time, ≤ 140 characters unless a retweet', () => {
    let previous = 0n;
    for (const { id, text } of tweets) {
      expect(id).toMatch(/^\d{18}$/);
      expect(BigInt(id) > previous).toBe(true);
      previous = BigInt(id);
      if (!text.startsWith('RT @')) expect([...text].length).toBeLessThanOrEqual(140);
    }
    const retweets = tweets.filter((t) => t.text.startsWith('RT @')).length / tweets.length;
    expect(retweets).toBeGreaterThan(0.4);
    expect(retweets).toBeLessThan(0.5);
  });
});

describe('data/labour-2016-tweets', () => {
  const files = renderFiles(tweets);

  it('holds exactly the generated CSV files, byte for byte', () => {
    const committed = readdirSync(OUTPUT_DIR)
      .filter((name) => /^tweets-.*\.csv$/.test(name))
      .sort();
    expect(committed).toEqual(['tweets-2016-07.csv', 'tweets-2016-08.csv', 'tweets-2016-09.csv']);
    expect(files.map((f) => f.name)).toEqual(committed);
    for (const { name, content } of files) {
      const same = readFileSync(new URL(name, OUTPUT_DIR)).equals(Buffer.from(content));
      expect(same, `${name} differs from the generator's output: run npm run generate:tweets`).toBe(true);
    }
  });

  it('repeats 37 + 21 last-hour tweets across months, which de-duplicate to the unique tweets', () => {
    const rows = files.flatMap(({ content }) => csvParse(content));
    expect(files.every(({ content }) => content.startsWith('id,created_at,screen_name,text\n'))).toBe(true);
    expect(rows.length).toBe(78_412 + 58);
    expect(new Set(rows.map((r) => r.id)).size).toBe(78_412);
    const [, august, september] = files.map(({ content }) => csvParse(content));
    expect(august?.slice(0, 37).every((r) => r.created_at?.startsWith('2016-07-31T23:'))).toBe(true);
    expect(august?.[37]?.created_at?.startsWith('2016-08-01')).toBe(true);
    expect(september?.slice(0, 21).every((r) => r.created_at?.startsWith('2016-08-31T23:'))).toBe(true);
    expect(september?.[21]?.created_at?.startsWith('2016-09-01')).toBe(true);
  });
});
