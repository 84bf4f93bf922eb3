import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, valuesOf } from './astroBuild.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('the sample site', () => {
  it("reproduces the 2016 article's figures from the committed data", async () => {
    const { outDir } = await astroBuild(projectRoot, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
    const html = readFileSync(join(outDir, 'posts', 'keepcorbyn-vs-savinglabour', 'index.html'), 'utf8');
    const values = new Map<string, string[]>();
    for (const [key, text] of valuesOf(html)) values.set(key, [...(values.get(key) ?? []), text]);
    const first = (key: string) => values.get(key)?.[0];

    // "more than 78,000 tweets"; 79.4% #KeepCorbyn, 20.5% #SavingLabour
    expect(values.get('posts.total')).toEqual(['78,412', '78,000']);
    expect(first('campaigns.keepcorbyn.share')).toBe('79.4%');
    expect(first('campaigns.savinglabour.share')).toBe('20.5%');
    // "more than 8,000 tweets a week separate the campaigns": the largest weekly gap
    expect(values.get('weekly.gap.max')?.[1]).toBe('8,000');
    expect(Number(first('weekly.gap.max')?.replace(/,/g, ''))).toBeGreaterThan(8000);
    // Followers, and the true ratio (the article says "almost ten times")
    expect(first('followers.jeremycorbyn')).toBe('629k');
    expect(first('followers.owensmith')).toBe('16.5k');
    expect(first('reachRatio')).toBe('38×');
    expect(first('followers.momentum')).toBe('44.4k');
    expect(first('followers.momentum-online')).toBe('100k');
    expect(first('followers.jkrowling')).toBe('8.2m');
    // Videos: 1.2m against 43k, 28 times
    expect(first('corbynVideo')).toBe('1.2m');
    expect(first('smithVideo')).toBe('43k');
    expect(first('videoRatio')).toBe('28×');
    // The projection beside the 2015 result and the YouGov poll
    expect(first('projection.share')).toBe('79.4%');
    expect(first('corbyn2015')).toBe('59.5%');
    expect(first('yougovAugust')).toBe('62.0%');
    expect(first('posts.duplicates')).toBe('58');
    // Three built-in charts and the projection, each with a fallback table
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(html.match(/<details class="chart-data">/g)).toHaveLength(4);
    expect(html).not.toContain('<script');
  });
});
