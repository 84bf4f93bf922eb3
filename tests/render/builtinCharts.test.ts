import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/data/types.ts';
import { builtinCharts } from '../../src/render/builtinCharts.ts';
import { OTHER_CAMPAIGN } from '../../src/render/campaignColors.ts';
import { chartSvg } from '../../src/render/chartSvg.ts';
import { dataTable } from '../../src/render/dataTable.ts';
import { narrowSpec } from '../../src/render/narrowChart.ts';
import { colors, followerRows, projectionRows, shareRows, weeklyRows } from './fixtures.ts';
import { drawnMarks, drawnTexts, markMeetsBox, textBox } from './svgText.ts';

/** The text of every <text> element, in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

/** Texts not hidden with opacity 0 (as vega hides overlapping axis labels). */
function visibleTexts(svg: string): string[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].filter((m) => !(m[1] ?? '').includes('opacity="0"')).map((m) => m[2] ?? '');
}

const render = (name: string, rows: Row[]) => chartSvg(builtinCharts[name]?.spec ?? {}, rows, { id: name, colors });

describe('builtinCharts', () => {
  it('has the six built-in charts, with data-free specs', () => {
    expect(Object.keys(builtinCharts).sort()).toEqual([
      'follower-reach',
      'projection',
      'scorecard',
      'share-bar',
      'share-of-voice',
      'weekly-volume',
    ]);
    for (const { spec } of Object.values(builtinCharts)) {
      expect(spec).not.toHaveProperty('data');
      expect(Object.isFrozen(spec)).toBe(true);
      expect(Object.isFrozen(spec.encoding ?? spec.layer)).toBe(true);
    }
  });

  it('weekly-volume: a line per campaign in its colour, weeks labelled "4 Jul"', async () => {
    const svg = await render('weekly-volume', weeklyRows);
    expect(svg).toContain('aria-roledescription="line mark"');
    expect(svg).toContain('stroke="#c2185b"');
    expect(svg).toContain('stroke="#1e88e5"');
    expect(visibleTexts(svg)).toEqual(
      expect.arrayContaining(['4 Jul', '18 Jul', '1 Aug', '#KeepCorbyn', '#SaveLabour', 'Week beginning', 'Posts', '5,000']),
    );
    expect(texts(svg).filter((t) => /^\d+ [A-Z][a-z]{2}$/.test(t))).toHaveLength(13);
    expect(dataTable(weeklyRows, { formats: builtinCharts['weekly-volume']?.formats ?? {} })).toContain(
      '<tr><td class="date">2016-07-04</td><td>#KeepCorbyn</td><td class="num">812</td></tr>',
    );
  });

  it('weekly-volume: a partial first or last week has hollow points under a rule labelled with its days', async () => {
    const last = weeklyRows.length / 2 - 1;
    const days = (week: number) => (week === 0 ? 3 : week === last ? 1 : 7);
    const svg = await render(
      'weekly-volume',
      weeklyRows.map((row, i) => ({ ...row, days: days(Math.floor(i / 2)) })),
    );
    const shown = visibleTexts(svg);
    expect(shown.filter((t) => / of 7$/.test(t))).toEqual(['3 days of 7', '1 day of 7']);
    // The first week's note starts at its week and runs right, the last week's ends at it: both inside the plot.
    expect(svg).toMatch(/text-anchor="start"[^>]*>3 days of 7</);
    expect(svg).toMatch(/text-anchor="end"[^>]*>1 day of 7</);
    const points = [
      ...svg.matchAll(/<path aria-label="Week beginning: ([^;]+);[^"]*" role="graphics-symbol" aria-roledescription="point"([^>]*)>/g),
    ];
    const hollow = points.filter((m) => !(m[2] ?? '').includes(' fill=')).map((m) => m[1]);
    expect(points).toHaveLength(26);
    expect(hollow).toEqual(['4 Jul', '4 Jul', '26 Sep', '26 Sep']);
    expect(svg.match(/aria-roledescription="rule mark"/g)).toHaveLength(2);
    // The data table names the column.
    expect(dataTable([{ ...weeklyRows[0], days: 3 } as Row], { headers: builtinCharts['weekly-volume']?.headers ?? {} })).toContain(
      'Days of 7',
    );
  });

  it('weekly-volume: several partial weeks at either end (datasets counted together) each label inwards from its rule', async () => {
    // Two exports counted together: one starts a week after the other, and ends two weeks before it.
    const last = weeklyRows.length / 2 - 1;
    const days = (week: number) => ({ 0: 0, 1: 4, [last - 1]: 2, [last]: 0 })[week] ?? 7;
    const svg = await render(
      'weekly-volume',
      weeklyRows.map((row, i) => ({ ...row, days: days(Math.floor(i / 2)) })),
    );
    const labels = Array.from(svg.matchAll(/text-anchor="(start|end)"[^>]*>(\d days? of 7)</g), (m) => [m[2], m[1]]);
    expect(labels).toEqual([
      ['0 days of 7', 'start'],
      ['4 days of 7', 'start'],
      ['2 days of 7', 'end'],
      ['0 days of 7', 'end'],
    ]);
  });

  it("weekly-volume: a partial week's label sits above the plot, clear of every line and point, at the top of the scale too", async () => {
    const last = weeklyRows.length / 2 - 1;
    const spec = builtinCharts['weekly-volume']?.spec ?? {};
    // Both partial weeks hold the most posts, and the weeks beside them nearly as many, so that the lines run along
    // the top of the plot: 6,000 is the scale's top tick, where the labels inside the plot crossed #KeepCorbyn's line
    // and points; 10,300 (the sample's peak) leaves its top tick, 10,000, below the plot's top edge, where the legend
    // comes closest to the labels (its offset is from the axis's labels).
    for (const peak of [6000, 10_300]) {
      const rows = weeklyRows.map((row, i) => {
        const week = Math.floor(i / 2);
        const high = row.campaign === '#KeepCorbyn' && [0, 1, last - 1, last].includes(week);
        const posts = high ? peak - (week === 1 || week === last - 1 ? 150 : 0) : row.posts;
        return { ...row, days: week === 0 ? 3 : week === last ? 1 : 7, posts } as Row;
      });
      for (const [width, drawn] of [
        ['640 px', spec],
        ['330 px', narrowSpec(spec) ?? {}],
      ] as const) {
        const at = `${width}, ${peak} posts`;
        const svg = await chartSvg(drawn, rows, { id: 'w', colors });
        const marks = drawnMarks(svg);
        expect(marks.map((m) => m.kind).sort(), at).toEqual([...Array(26).fill('point'), 'line', 'line'].sort());
        const texts = drawnTexts(svg);
        const labels = texts.filter((t) => / of 7$/.test(t.text));
        expect(
          labels.map((t) => t.text),
          at,
        ).toEqual(['3 days of 7', '1 day of 7']);
        // The legend's lowest point (12 px labels), and the highest mark's (a point's circle rises past its value).
        const legend = Math.max(...texts.filter((t) => t.role === 'legend-label').map((t) => textBox(t, 12).bottom));
        const highest = Math.min(
          ...marks.map((m) => (m.kind === 'point' ? m.y - m.radius : Math.min(...m.points.map((p) => p[1] - m.halfWidth)))),
        );
        for (const label of labels) {
          const box = textBox(label, 11);
          expect(
            marks.filter((m) => markMeetsBox(m, box)).map((m) => m.label),
            `${at}: marks under "${label.text}"`,
          ).toEqual([]);
          expect(box.bottom, `${at}: "${label.text}" ends above the marks`).toBeLessThanOrEqual(highest);
          expect(box.top - legend, `${at}: room between the legend and "${label.text}"`).toBeGreaterThanOrEqual(4);
        }
      }
    }
  });

  it('weekly-volume: rows without "days" are drawn as whole weeks', async () => {
    const svg = await render('weekly-volume', weeklyRows);
    expect(visibleTexts(svg).filter((t) => / of 7$/.test(t))).toEqual([]);
    expect(svg).not.toContain('aria-roledescription="rule mark"');
    expect(svg.match(/aria-roledescription="point"[^>]* fill="#/g)).toHaveLength(26);
  });

  it('share-of-voice: bars labelled with one-decimal percentages', async () => {
    const svg = await render('share-of-voice', shareRows);
    expect(visibleTexts(svg)).toEqual(expect.arrayContaining(['79.4%', '20.5%', '0.1%', '0%', '100%', 'More than one campaign']));
    expect(svg).toContain('fill="#c2185b"');
    expect(svg).toContain('fill="#8a8a8a"');
    expect(dataTable(shareRows, { formats: builtinCharts['share-of-voice']?.formats ?? {} })).toContain(
      '<td class="num">62,259</td><td class="num">79.4%</td>',
    );
  });

  it('follower-reach: sorted bars on a log scale, ticks 10k…10m, compact bar labels, null as grey "Other"', async () => {
    const svg = await render('follower-reach', followerRows);
    const shown = visibleTexts(svg);
    expect(shown.filter((t) => /^10*[km]$/.test(t))).toEqual(['10k', '100k', '1m', '10m']);
    // minor ticks (20k, 30k…) are not labelled
    expect(texts(svg).filter((t) => /^[2-9]0*[km]$/.test(t))).toEqual([]);
    const names = [
      'J. K. Rowling',
      'Jeremy Corbyn',
      'Ed Miliband',
      'Robert Webb',
      'Sadiq Khan',
      'Chuka Umunna',
      'Jason Isaacs',
      'Momentum',
      'Owen Smith',
    ];
    expect(shown.filter((t) => names.includes(t))).toEqual(names);
    expect(shown).toEqual(expect.arrayContaining(['8.2m', '629k', '16.5k', '44.4k', '88.4k', OTHER_CAMPAIGN]));
    expect(svg).toContain('campaign: Other/unaffiliated');
    expect(svg).toContain('fill="#8a8a8a"');
  });

  it('follower-reach: tells apart accounts of the same name and leaves out 0 followers', async () => {
    const rows = [
      { name: 'Jeremy Corbyn', followers: 629_000, campaign: '#KeepCorbyn', platform: 'twitter' },
      { name: 'Jeremy Corbyn', followers: 1_100_000, campaign: '#KeepCorbyn', platform: 'facebook' },
      { name: 'Nobody', followers: 0, campaign: null, platform: 'twitter' },
      { name: 'Owen Smith', followers: 16_500, campaign: '#SaveLabour', platform: 'twitter' },
    ];
    const shown = visibleTexts(await render('follower-reach', rows));
    expect(shown).toEqual(expect.arrayContaining(['Jeremy Corbyn (facebook)', 'Jeremy Corbyn (twitter)', 'Owen Smith', '1.1m']));
    expect(shown).not.toContain('Nobody');
    expect(shown).not.toContain('Jeremy Corbyn');
  });

  it("projection: a bar per label in the campaign's colour or neutral grey, no legend of raw kinds, long labels wrapped, not cut", async () => {
    const svg = await render('projection', projectionRows);
    expect(visibleTexts(svg)).toEqual(
      expect.arrayContaining([
        '79.4%',
        '59.5%',
        '62.0%',
        '61.8%',
        '50%',
        'Projection from share of voice',
        'YouGov members poll, August 2016',
      ]),
    );
    // The bars name themselves on the axis: no legend repeating the table's kinds.
    expect(svg).not.toContain('role="graphics-symbol" aria-roledescription="legend');
    expect(visibleTexts(svg)).not.toEqual(expect.arrayContaining(['projection']));
    // The projection is drawn in its campaign's colour (#KeepCorbyn's in `colors`), the references in grey.
    const bars = Array.from(
      svg.matchAll(/<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="bar"[^>]*fill="([^"]+)"/g),
      (m) => [(m[1] ?? '').replace(/&#39;/g, "'").split('; ')[0], m[2]],
    );
    expect(bars).toEqual([
      ['Share: 79%', '#c2185b'],
      ['Share: 60%', '#8a8a8a'],
      ['Share: 62%', '#8a8a8a'],
      ['Share: 62%', '#8a8a8a'],
    ]);
    // The long label on two lines, every word there.
    const lines = Array.from(svg.matchAll(/<text [^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g), (m) =>
      Array.from((m[1] ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g), (t) => (t[1] ?? '').replace(/&#39;/g, "'")),
    );
    expect(lines).toEqual([["YouGov, 30 August (excl. don't", 'know), Labour selectorate']]);
    // Centred on its bar, as one-line labels are: moved up by half a line, unlike the others.
    const offsets = Array.from(svg.matchAll(/<text text-anchor="end" transform="translate\(-7,([\d.]+)\)"[^>]*opacity="1">/g), (m) =>
      Number(m[1]),
    );
    expect(offsets).toHaveLength(4);
    const steps = offsets.slice(1).map((y, i) => y - (offsets[i] as number));
    expect(steps.slice(0, 2).map(Math.round)).toEqual([26, 26]);
    expect(Math.round(steps[2] as number)).toBe(26 - 7);
    expect(svg).toContain('aria-label="share: 0.5" role="graphics-symbol" aria-roledescription="rule mark"');
  });

  it('share-bar: a bar per row in row order, one-decimal percentages, a rule at 50%', async () => {
    const rows = [
      { label: 'West Midlands', share: 0.5926 },
      { label: 'Yorkshire and The Humber', share: 0.5771 },
      { label: 'Scotland', share: 0.38 },
    ];
    const svg = await render('share-bar', rows);
    const shown = visibleTexts(svg);
    expect(shown.filter((t) => rows.some((r) => r.label === t))).toEqual(['West Midlands', 'Yorkshire and The Humber', 'Scotland']);
    expect(shown).toEqual(expect.arrayContaining(['59.3%', '57.7%', '38.0%', '0%', '50%', '100%']));
    expect(svg).toContain('aria-label="share: 0.5" role="graphics-symbol" aria-roledescription="rule mark"');
    expect(dataTable(rows, { formats: builtinCharts['share-bar']?.formats ?? {} })).toContain(
      '<td>Scotland</td><td class="num">38.0%</td>',
    );
  });

  it('scorecard: a dot per estimate labelled with its signed error in points, a rule at the actual value', async () => {
    const rows = [
      { label: 'Share of voice', value: 0.794, actual: 0.618, error: 0.176, absError: 0.176 },
      { label: 'Last result', value: 0.595, actual: 0.618, error: -0.023, absError: 0.023 },
    ];
    const svg = await render('scorecard', rows);
    expect(visibleTexts(svg)).toEqual(expect.arrayContaining(['Share of voice', 'Last result', '+17.6 points', '−2.3 points', '50%']));
    expect(svg).toContain('aria-roledescription="point"');
    expect(dataTable(rows, { formats: builtinCharts.scorecard?.formats ?? {} })).toContain(
      '<td>Last result</td><td class="num">59.5%</td><td class="num">61.8%</td><td class="num">−2.3 points</td><td class="num">2.3 points</td>',
    );
  });

  it('draws each reference rule under the value labels, so a label it crosses ("44.2%" by a 50% line) stays legible', async () => {
    const rows: Record<string, Row[]> = {
      'share-bar': [
        { label: 'Northern Ireland', share: 0.442 },
        { label: 'Wales', share: 0.525 },
      ],
      projection: projectionRows,
      scorecard: [{ label: 'Share of voice', value: 0.794, actual: 0.618, error: 0.176, absError: 0.176 }],
    };
    for (const [name, data] of Object.entries(rows)) {
      const svg = await render(name, data);
      // SVG paints in document order: what comes later is drawn on top.
      const rule = svg.indexOf('aria-roledescription="rule mark"');
      const label = svg.indexOf('class="mark-text role-mark');
      expect(rule, name).toBeGreaterThan(-1);
      expect(label, name).toBeGreaterThan(rule);
    }
  });

  it('no label is truncated', async () => {
    const all = [
      await render('weekly-volume', weeklyRows),
      await render('share-of-voice', shareRows),
      await render('follower-reach', followerRows),
      await render('projection', projectionRows),
    ];
    for (const svg of all) expect(texts(svg).filter((t) => t.includes('…'))).toEqual([]);
  });
});
