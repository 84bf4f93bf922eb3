import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { joinNames } from '../../src/joinNames.ts';
import { astroBuild, type BuildResult, siteFiles, valuesOf } from './astroBuild.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

/** The sample site, built once for every test in this file. */
let built: Promise<BuildResult> | undefined;
const sampleSite = () => {
  built ??= astroBuild(projectRoot, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')) });
  return built;
};

/** The first text of each `:value` on a page, by key. */
function pageValues(html: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, text] of valuesOf(html)) if (!values.has(key)) values.set(key, text);
  return values;
}

/** The rows of the first data table in a figure's HTML, as cell texts. */
function tableRows(figure: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(figure)?.[1] ?? '';
  return Array.from(body.matchAll(/<tr>([\s\S]*?)<\/tr>/g), (row) =>
    Array.from((row[1] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g), (c) => c[1] ?? ''),
  );
}

/** The rows of a chart's fallback data table, as cell texts. */
function chartTable(html: string, data: string): string[][] {
  return tableRows(new RegExp(`<figure class="chart" id="chart-${data}-\\d+"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '');
}

describe('the sample site', () => {
  it('builds with no warning but the one about its example address', async () => {
    // A warning the sample gives on every run teaches its readers to ignore warnings: a phone chart's legend said
    // "#SavingLabour" was cut off by 1 px on each build.
    const { stdout } = await sampleSite();
    const warnings = stdout.split('\n').filter((line) => /\[(WARN|warn)\]|warning/.test(line));
    expect(warnings).toEqual([expect.stringContaining('an example address')]);
  });

  it("reproduces the 2016 article's figures from the committed data", async () => {
    const { outDir } = await sampleSite();
    const html = readFileSync(join(outDir, 'posts', 'keepcorbyn-vs-savinglabour', 'index.html'), 'utf8');
    const values = new Map<string, string[]>();
    for (const [key, text] of valuesOf(html)) values.set(key, [...(values.get(key) ?? []), text]);
    const first = (key: string) => values.get(key)?.[0];

    // "more than 78,000 tweets"; 79.4% #KeepCorbyn, 20.5% #SavingLabour
    expect(values.get('posts.total')).toEqual(['78,000', '78,412']);
    expect(first('campaigns.keepcorbyn.share')).toBe('79.4%');
    expect(first('campaigns.savinglabour.share')).toBe('20.5%');
    // "more than 8,000 tweets a week separate the campaigns": the largest weekly gap
    expect(first('weekly.gap.max')).toBe('8,000');
    expect(Number(values.get('weekly.gap.max')?.[1]?.replace(/,/g, ''))).toBeGreaterThan(8000);
    // The mean gap and the latest, recomputed here from the weekly chart's data table (week, campaign, posts, days of
    // 7): over the whole weeks only. The first week, from Friday 1 July, has 3 days of 7 and is left out; the last
    // ends on Sunday 18 September and is whole.
    const weeks = new Map<string, { days: number; gap: number }>();
    for (const [week, campaign, posts, days] of chartTable(html, 'weekly')) {
      const n = Number(posts?.replace(/,/g, '')) * (campaign === '#KeepCorbyn' ? 1 : -1);
      const seen = weeks.get(week as string) ?? { days: Number(days), gap: 0 };
      weeks.set(week as string, { ...seen, gap: seen.gap + n });
    }
    expect([...weeks.values()].map((w) => w.days)).toEqual([3, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
    const whole = [...weeks.values()].filter((w) => w.days === 7).map((w) => Math.abs(w.gap));
    expect(first('weekly.wholeWeeks')).toBe(String(whole.length));
    expect(first('weekly.gap.mean')).toBe(Math.round(whole.reduce((a, b) => a + b, 0) / whole.length).toLocaleString('en-GB'));
    expect(first('weekly.gap.latest')).toBe((whole.at(-1) as number).toLocaleString('en-GB'));
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
    expect(html.match(/<details class="chart-data" data-pagefind-ignore="all">/g)).toHaveLength(4);
    expect(html).not.toContain('<script');
  });

  it('the EU referendum post: the national result and the extreme areas, computed from the Electoral Commission file', async () => {
    const { outDir } = await sampleSite();
    const html = readFileSync(join(outDir, 'posts', 'eu-referendum-2016', 'index.html'), 'utf8');
    const values = pageValues(html);
    // The Electoral Commission's national totals
    expect(values.get('remainVotes')).toBe('16,141,241');
    expect(values.get('remainShare')).toBe('48.11%');
    expect(values.get('leaveVotes')).toBe('17,410,742');
    expect(values.get('leaveShare')).toBe('51.89%');
    expect(values.get('turnout')).toBe('72.21%');
    expect(values.get('electorate')).toBe('46,500,001');
    expect(values.get('votesCast')).toBe('33,577,342');
    expect(values.get('rejected')).toBe('25,359');
    expect(values.get('areaCount')).toBe('382');

    // The extremes, recomputed here from the file (CR-only line endings) with d3-dsv
    const file = readFileSync(join(projectRoot, 'data', 'eu-referendum-2016', 'EU-referendum-result-data.csv'), 'utf8');
    expect(file).not.toContain('\n');
    const areas = csvParse(file).map((r) => ({
      area: r.Area as string,
      region: r.Region as string,
      share: Number(r.Leave) / Number(r.Valid_Votes),
    }));
    expect(areas).toHaveLength(382);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const byShare = [...areas].sort((a, b) => b.share - a.share);
    const top = byShare.slice(0, 5).map((a) => [a.area, pct(a.share), a.region]);
    const bottom = [...areas]
      .sort((a, b) => a.share - b.share)
      .slice(0, 5)
      .map((a) => [a.area, pct(a.share), a.region]);
    expect(chartTable(html, 'mostLeave')).toEqual(top);
    expect(chartTable(html, 'leastLeave')).toEqual(bottom);
    expect(values.get('topArea.name')).toBe(byShare[0]?.area);
    expect(values.get('topArea')).toBe(pct(byShare[0]?.share ?? 0));
    expect(values.get('bottomArea.name')).toBe(bottom[0]?.[0]);
    // Regions: twelve, highest Leave share first
    const regions = chartTable(html, 'regions');
    expect(regions).toHaveLength(12);
    expect(regions.map((r) => r[0])).toContain('Northern Ireland');
    expect(values.get('topRegion.name')).toBe(regions[0]?.[0]);
    expect(values.get('topRegion')).toBe(regions[0]?.[1]);
    expect(values.get('bottomRegion.name')).toBe(regions.at(-1)?.[0]);
  });

  it("the clicktivism post scores share of voice, the 2015 result and the poll against Corbyn's 2016 result", async () => {
    const { outDir } = await sampleSite();
    const html = readFileSync(join(outDir, 'posts', 'did-clicktivism-call-it', 'index.html'), 'utf8');
    const values = pageValues(html);
    expect(values.get('corbyn2016')).toBe('61.8%');
    expect(values.get('projection.share')).toBe('79.4%');
    expect(values.get('corbyn2015')).toBe('59.5%');
    expect(values.get('yougovAugust')).toBe('62.0%');
    expect(values.get('sovError')).toBe('+17.6 points');
    expect(values.get('pollError')).toBe('+0.2 points');
    expect(values.get('lastResultError')).toBe('−2.4 points');
    expect(values.get('closest.name')).toBe('YouGov poll, 30 August');
    expect(values.get('furthest.name')).toBe('#KeepCorbyn share of voice');
    // The scorecard's data table, headed in words under the chart's title.
    const scorecard = /<figure class="chart" id="chart-scorecard-\d+">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(Array.from(scorecard.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g), (m) => m[1])).toEqual([
      'Method',
      'Estimate',
      'Result',
      'Error',
      'Distance from the result',
    ]);
    expect(values.get('posts.last')).toBe('18 September 2016');
    expect(chartTable(html, 'scorecard')).toEqual([
      // The distance (absError) is unsigned, as in the ::table of the same rows.
      ['#KeepCorbyn share of voice', '79.4%', '61.8%', '+17.6 points', '17.6 points'],
      ['Corbyn’s 2015 result', '59.5%', '61.8%', '−2.4 points', '2.4 points'],
      ['YouGov poll, 30 August', '62.0%', '61.8%', '+0.2 points', '0.2 points'],
    ]);
  });

  it('shows a word cloud per campaign and a comparison, each with its table, and states the difference in prose', async () => {
    const { outDir } = await sampleSite();
    const html = readFileSync(join(outDir, 'posts', 'keepcorbyn-vs-savinglabour', 'index.html'), 'utf8');
    const figures = Array.from(html.matchAll(/<figure class="chart wordcloud" id="([^"]+)-figure">[\s\S]*?<\/figure>/g));
    expect(figures.map((f) => f[1]?.replace(/-\d+$/, ''))).toEqual([
      'wordcloud-keepcorbyn',
      'wordcloud-savinglabour',
      'wordcompare-keepcorbyn-savinglabour',
    ]);
    for (const [figure] of figures) {
      expect(figure).toMatch(/<svg [^>]*role="img"/);
      expect(figure).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
      // every word in the cloud is in the table, and the table says it was drawn
      const words = (svg: string) => Array.from(svg.matchAll(/<title>[^<]*<\/title>([^<]+)<\/text>/g), (m) => m[1]);
      const drawn = words(/<div class="wordcloud-frame[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(figure)?.[1] ?? '');
      const table = tableRows(figure);
      expect(drawn.length).toBe(table.length);
      expect(table.every((r) => r.at(-1) === 'yes')).toBe(true);
      // the phone layout (the campaigns' clouds) draws some of the same words
      const phone = words(/<div class="wordcloud-narrow">([\s\S]*?)<\/div>/.exec(figure)?.[1] ?? '');
      for (const w of phone) expect(drawn).toContain(w);
    }
    const [keep, saving, compare] = figures.map((f) => f[0]);
    // 100 words each, counted in distinct texts; the largest word comes first in the table
    expect(tableRows(keep as string)).toHaveLength(100);
    expect(tableRows(keep as string)[0]?.slice(1, 3)).toEqual(['#JezWeCan', '4,287']);
    expect(tableRows(saving as string)[0]?.slice(1, 3)).toEqual(['Owen', '1,841']);
    // the prose names the three words with the highest z on each side, as the comparison table lists them
    const values = pageValues(html);
    const side = (label: string) =>
      tableRows(compare as string)
        .filter((r) => r[1] === label)
        .slice(0, 3)
        .map((r) => r[0] as string);
    expect(values.get('keyness.keepcorbyn.savinglabour.top')).toBe(joinNames(side('#KeepCorbyn')));
    expect(values.get('keyness.savinglabour.keepcorbyn.top')).toBe(joinNames(side('#SavingLabour')));
    expect(values.get('keyness.keepcorbyn.savinglabour.top')).toBe('#JezWeCan, Jeremy and members');
    expect(values.get('keyness.savinglabour.keepcorbyn.top')).toBe('Labour, Smith and opposition');
  });

  it('builds byte for byte the same site in another timezone, from a cold cache (pages, PNG cards, search index)', async () => {
    const first = siteFiles((await sampleSite()).outDir);
    const again = await astroBuild(projectRoot, { cacheDir: mkdtempSync(join(tmpdir(), 'soundings-cache-')), env: { TZ: 'Asia/Tokyo' } });
    const second = siteFiles(again.outDir);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([path, bytes]) => !second.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  });
});
