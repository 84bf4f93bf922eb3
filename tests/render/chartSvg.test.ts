import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { logger, None } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/data/types.ts';
import { SoundingsError } from '../../src/errors.ts';
import { builtinCharts } from '../../src/render/builtinCharts.ts';
import { chartSvg } from '../../src/render/chartSvg.ts';
import { HOUSE_WIDTH, houseConfig } from '../../src/render/houseConfig.ts';
import type { VegaLiteSpec } from '../../src/render/mapViews.ts';
import { narrowSpec } from '../../src/render/narrowChart.ts';
import { textWidth } from '../../src/render/textWidth.ts';
import { colors, weeklyRows } from './fixtures.ts';
import { drawnTexts, svgWidth } from './svgText.ts';

const tiny: Row[] = [
  { week: new Date('2016-07-04T00:00:00Z'), campaign: '#KeepCorbyn', posts: 10 },
  { week: new Date('2016-07-11T00:00:00Z'), campaign: '#KeepCorbyn', posts: 20 },
  { week: new Date('2016-07-04T00:00:00Z'), campaign: '#SaveLabour', posts: 5 },
  { week: new Date('2016-07-11T00:00:00Z'), campaign: '#SaveLabour', posts: 8 },
];

/** vega-lite's warnings (a discrete height dropping fit-y) are its own business here. */
const silent = logger(None);

const hostileTitle = 'A <b>"bold"</b> & co';

/** A line chart whose marks are clipped, so vega writes clip paths with its global counter. */
const lineSpec = {
  title: hostileTitle,
  description: 'Posts per week, <2016>.',
  mark: { type: 'line', point: true, clip: true },
  encoding: {
    x: { field: 'week', type: 'temporal' },
    y: { field: 'posts', type: 'quantitative' },
    color: { field: 'campaign', type: 'nominal' },
  },
};

const barSpec = {
  mark: { type: 'bar', clip: true },
  encoding: { y: { field: 'campaign', type: 'nominal' }, x: { field: 'posts', type: 'quantitative', aggregate: 'sum' } },
};

function ids(svg: string): string[] {
  return [...svg.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('chartSvg(spec, rows, options)', () => {
  it('renders an accessible SVG with an escaped title and description', async () => {
    const svg = await chartSvg(lineSpec, tiny, { id: 'volume' });
    expect(svg.startsWith('<svg role="img" aria-labelledby="volume-title" aria-describedby="volume-desc" ')).toBe(true);
    expect(svg).toContain(
      '<title id="volume-title">A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co</title><desc id="volume-desc">Posts per week, &lt;2016&gt;.</desc>',
    );
    expect(svg).not.toContain('<b>');
    expect(svg.endsWith('</svg>')).toBe(true);
    // vega's own ARIA output is kept
    expect(svg).toContain('aria-roledescription="line mark"');
    expect(svg).toContain('aria-label="week: Jul 04, 2016; posts: 10; campaign: #KeepCorbyn"');
  });

  it('takes the accessible name from options when given, and falls back to "Chart"', async () => {
    const named = await chartSvg(barSpec, tiny, { id: 'c', title: 'Posts', description: 'Total posts.' });
    expect(named).toContain('<title id="c-title">Posts</title><desc id="c-desc">Total posts.</desc>');
    const bare = await chartSvg(barSpec, tiny, { id: 'c' });
    expect(bare.startsWith('<svg role="img" aria-labelledby="c-title" xmlns=')).toBe(true);
    expect(bare).toContain('<title id="c-title">Chart</title><g');
  });

  it('escapes hostile data text', async () => {
    const rows = [{ campaign: '<script>alert(1)</script>', posts: 3 }];
    const svg = await chartSvg(barSpec, rows, { id: 'c' });
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toContain('<script');
  });

  it('uses the house look: currentColor text and axes, system font, 640px wide, no background', async () => {
    const svg = await chartSvg(lineSpec, tiny, { id: 'c' });
    expect(svg).toMatch(/^<svg [^>]* width="640" /);
    expect(svg).toContain('fill="currentColor"');
    expect(svg).toContain('stroke="currentColor"');
    expect(svg).toContain('font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"');
    expect(svg).not.toContain('fill="#000"');
    expect(svg).not.toContain('fill="white"');
  });

  it('gives campaigns their colours, and other values a neutral grey', async () => {
    const rows = [...tiny, { week: new Date('2016-07-04T00:00:00Z'), campaign: 'Other', posts: 1 }];
    const svg = await chartSvg(lineSpec, rows, { id: 'c', colors });
    expect(svg).toContain('stroke="#c2185b"');
    expect(svg).toContain('stroke="#1e88e5"');
    expect(svg).toContain('fill="#c2185b"');
    expect(svg).toContain('fill="#8a8a8a"');
    expect(svg).not.toContain('#4c78a8'); // vega's first default colour
  });

  it('leaves a colour scale the spec sets alone', async () => {
    const spec = {
      ...lineSpec,
      encoding: { ...lineSpec.encoding, color: { field: 'campaign', type: 'nominal', scale: { range: ['#111111', '#222222'] } } },
    };
    const svg = await chartSvg(spec, tiny, { id: 'c', colors });
    expect(svg).toContain('stroke="#111111"');
    expect(svg).not.toContain('#c2185b');
  });

  it('prefixes every id and rewrites every reference to it', async () => {
    const svg = await chartSvg(lineSpec, tiny, { id: 'chart 1' });
    const all = ids(svg);
    // one clip path for each line's group and one for the points
    expect(all).toEqual(['chart-1-title', 'chart-1-desc', 'chart-1-def1', 'chart-1-def2', 'chart-1-def3']);
    expect(svg).toContain('<clipPath id="chart-1-def1">');
    const refs = [...svg.matchAll(/url\(#([^)]*)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(all).toContain(ref);
  });

  it('gives two charts on one page disjoint ids', async () => {
    const a = ids(await chartSvg(lineSpec, tiny, { id: 'a' }));
    const b = ids(await chartSvg(lineSpec, tiny, { id: 'b' }));
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it('writes the same bytes whatever was rendered before', async () => {
    const first = await chartSvg(lineSpec, tiny, { id: 'x' });
    await chartSvg(barSpec, tiny, { id: 'y' });
    await Promise.all([chartSvg(barSpec, tiny, { id: 'y' }), chartSvg(lineSpec, weeklyRows, { id: 'z' })]);
    const again = await chartSvg(lineSpec, tiny, { id: 'x' });
    expect(again).toBe(first);
  });

  it('modifies neither the spec (not even its inline data) nor the rows', async () => {
    const ruleValue = { posts: 15 };
    const rule = { data: { values: [ruleValue] }, mark: 'rule', encoding: { y: { field: 'posts', type: 'quantitative' } } };
    const spec = { layer: [lineSpec, rule] };
    const copy = structuredClone(spec);
    const rows = structuredClone(tiny);
    await chartSvg(spec, rows, { id: 'c', colors });
    expect(spec).toStrictEqual(copy);
    expect(Object.getOwnPropertySymbols(ruleValue)).toEqual([]);
    expect(rows).toStrictEqual(tiny);
  });

  it('reads and shows dates in UTC: identical output in New York and Tokyo', async () => {
    const script = fileURLToPath(new URL('./renderInZone.ts', import.meta.url));
    const run = async (tz: string) => {
      const { stdout } = await promisify(execFile)(process.execPath, [script], {
        env: { ...process.env, TZ: tz },
        maxBuffer: 64 * 1024 * 1024,
      });
      return JSON.parse(stdout) as { weekly: string; local: string; control: string };
    };
    const [newYork, tokyo] = await Promise.all([run('America/New_York'), run('Asia/Tokyo')]);
    // The control, plain vega-lite on local time, proves the zones took effect.
    expect(newYork.control).not.toBe(tokyo.control);
    expect(newYork.weekly).toBe(tokyo.weekly);
    expect(newYork.local).toBe(tokyo.local);
    // Monday 00:00 UTC is shown as that Monday, not as Sunday evening in New York.
    expect(newYork.weekly).toContain('>4 Jul</text>');
    expect(newYork.local).toContain('>4 July 2016</text>');
    expect(newYork.local).not.toContain('3 July 2016');
  });

  it('labels days drawn as categories YYYY-MM-DD, as the data table writes them', async () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'published', type: 'nominal' }, y: { field: 'pct', type: 'quantitative' } } };
    const rows = [
      { published: new Date('2016-07-18T00:00:00Z'), pct: 56 },
      { published: new Date('2016-08-30T00:00:00Z'), pct: 62 },
    ];
    const svg = await chartSvg(spec, rows, { id: 'c' });
    expect(svg).toContain('>2016-08-30</text>');
    expect(svg).not.toContain('T00:00:00');
  });

  it('isolates data text holding a directional override wherever it is drawn or described, and nothing else', async () => {
    const [clean, dredge] = ['#CleanHarbour', '#DredgeNow \u202Ereversed'];
    const relabel = (row: Row): Row => ({ ...row, campaign: row.campaign === '#KeepCorbyn' ? clean : dredge });
    const hostile = { domain: [clean, dredge], range: colors.range };
    const svg = await chartSvg(builtinCharts['weekly-volume']?.spec ?? {}, weeklyRows.map(relabel), { id: 'c', colors: hostile });
    const isolated = '\u2068#DredgeNow \u202Ereversed\u2069';
    // The legend's entry, each point's description and the legend's: every override is inside an isolate.
    const legend = drawnTexts(svg).filter((t) => t.role === 'legend-label');
    expect(legend.map((t) => t.text)).toEqual([clean, isolated]);
    expect(svg).toContain(`aria-label="Week beginning: 4 Jul; Posts: 1,290; campaign: ${isolated}"`);
    expect(svg.split('\u202E').length - 1).toBe(svg.split(isolated).length - 1);
    // In its campaign's colour, measured as the text without the isolates, and with the same numbers on its axes.
    expect(svg).toContain(`stroke="${colors.range[1]}"`);
    expect(svg).not.toContain('#8a8a8a');
    const plain = await chartSvg(builtinCharts['weekly-volume']?.spec ?? {}, weeklyRows, { id: 'c', colors });
    const axes = (drawn: string) => drawnTexts(drawn).filter((t) => t.role.startsWith('axis'));
    expect(axes(svg)).toEqual(axes(plain));
    expect(legend[1]?.right).toBeCloseTo((legend[1]?.left ?? 0) + textWidth('#DredgeNow reversed', 12), 6);
    // A label wrapped onto lines (houseWrap) is isolated line by line.
    const projection = [
      { label: "A reference label long enough to wrap, \u202Eeven on the wide drawing's axis", share: 0.5, kind: 'poll', campaign: null },
    ];
    const wrapped = await chartSvg(builtinCharts.projection?.spec ?? {}, projection, { id: 'p' });
    const lines = Array.from(wrapped.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g), (m) => m[1] ?? '');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^\u2068[^\u2068\u2069]*\u2069$/);
  });

  it('never starts a label left of the drawing, even drawn in a font wider than its measure (DejaVu Sans)', async () => {
    // Each label's width in DejaVu Sans at 12 px, as Chromium draws it on Linux (canvas measureText): a hashtag's "#"
    // and markup's "<", ">" are half as wide again as Helvetica's, so the first is 18 px wider than textWidth says.
    const dejaVu: Record<string, number> = {
      '#CleanHarbour <script>x</script>': 214.97,
      '#CleanHarbour <script…': 152.23,
      '#DredgeNow': 80.1,
      'More than one campaign': 149.96,
    };
    const rows = [
      { campaign: '#CleanHarbour <script>x</script>', posts: 43, share: 0.623 },
      { campaign: '#DredgeNow', posts: 24, share: 0.348 },
      { campaign: 'More than one campaign', posts: 2, share: 0.029 },
    ];
    const spec = builtinCharts['share-of-voice']?.spec ?? {};
    for (const drawn of [spec, narrowSpec(spec) ?? {}]) {
      const svg = await chartSvg(drawn, rows, { id: 'c' });
      const labels = drawnTexts(svg).filter((t) => t.role === 'axis-label' && t.text in dejaVu);
      expect(labels.map((t) => t.text)).toHaveLength(3);
      for (const label of labels)
        expect(label.right - (dejaVu[label.text] ?? 0), `${svgWidth(svg)}: ${label.text}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('never ends a centred axis title past the right edge in a wider font, where a long account name narrowed the plot', async () => {
    // The follower chart's title at 12 px in DejaVu Sans, as Chromium draws it on Linux (canvas measureText). With
    // this label the plot left the title 4 px of room as textWidth measures it, and its last characters were cut.
    const title = 'Followers (logarithmic scale: each gridline is ten times the one before)';
    const dejaVu = 423.91;
    const rows = [
      {
        id: 'a',
        name: 'Momentum — the grassroots network for a people-powered Labour Party',
        platform: 'x',
        followers: 629000,
        campaign: 'Keep',
      },
      { id: 'b', name: 'Saving Labour', platform: 'x', followers: 16500, campaign: 'Save' },
    ];
    const overflows: number[] = [];
    const svg = await chartSvg(builtinCharts['follower-reach']?.spec ?? {}, rows, {
      id: 'f',
      onOverflow: (pixels) => overflows.push(pixels),
    });
    const drawn = drawnTexts(svg).find((t) => t.text === title);
    const centre = ((drawn?.left ?? 0) + (drawn?.right ?? 0)) / 2;
    expect(centre + dejaVu / 2).toBeLessThanOrEqual(svgWidth(svg));
    expect(overflows).toEqual([]);
  });

  it("relies on vega-lite passing a spec's top-level padding through unchanged: a redraw with more padding is not compiled again", () => {
    // chartSvg compiles a chart once for each legend layout and gives each redraw a copy with its own padding. That is
    // right as long as compiling with a padding gives the vega spec compiled without one, with that padding: checked
    // for every built-in chart, wide and narrow, a layered spec and a concatenated one, as chartSvg prepares them.
    const layered = {
      layer: [{ mark: 'line' }, { mark: 'point' }],
      encoding: { x: { field: 'week', type: 'temporal' }, y: { field: 'posts', type: 'quantitative' } },
    };
    const concat = { hconcat: [{ mark: 'bar', encoding: { x: { field: 'posts', type: 'quantitative' } } }, { mark: 'tick' }] };
    const specs = Object.values(builtinCharts).flatMap(({ spec }) => [spec, narrowSpec(spec) ?? spec]);
    for (const spec of [...specs, layered, concat] as VegaLiteSpec[]) {
      const prepared = {
        ...structuredClone(spec),
        data: { values: tiny.map((row) => ({ ...row, week: row.week instanceof Date ? row.week.toISOString() : row.week })) },
        config: { ...houseConfig, ...(spec.config as object | undefined) },
        ...('hconcat' in spec ? {} : { width: spec.width ?? HOUSE_WIDTH, autosize: { type: 'fit-x', contains: 'padding' } }),
      } as unknown as TopLevelSpec;
      const padding = { left: 17, right: 63, top: 6, bottom: 6 };
      const once = compile(prepared, { logger: silent }).spec;
      expect(compile({ ...prepared, padding } as TopLevelSpec, { logger: silent }).spec).toEqual({ ...once, padding });
    }
  });

  describe('failures become ChartFailed errors', () => {
    async function failure(spec: Record<string, unknown>, rows: Row[] = tiny): Promise<SoundingsError> {
      const result = await chartSvg(spec, rows, { id: 'c' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(result).toBeInstanceOf(SoundingsError);
      const err = result as SoundingsError;
      expect(err.name).toBe('ChartFailed');
      expect(err.message.startsWith('vega-lite could not render the chart: ')).toBe(true);
      return err;
    }

    it('an unknown mark type', async () => {
      const err = await failure({ mark: 'sparkline', encoding: { x: { field: 'posts', type: 'quantitative' } } });
      expect(err.detail).toMatch(/^vega-lite could not render the chart: "sparkline" is not a mark type \(vega-lite knows "arc", /);
    });

    it('a field the data does not have (vega-lite itself would draw nothing)', async () => {
      const err = await failure({ mark: 'bar', encoding: { x: { field: 'votes', type: 'quantitative' } } });
      expect(err.detail).toBe(
        'vega-lite could not render the chart: the spec reads "votes", which the data does not have (its columns are "week", "campaign", "posts").',
      );
    });

    it('an invalid expression', async () => {
      const err = await failure({
        transform: [{ calculate: 'datum.posts +* 2', as: 'double' }],
        mark: 'bar',
        encoding: { x: { field: 'double', type: 'quantitative' } },
      });
      expect(err.detail).toContain('Unexpected token');
    });

    it('a link from the data with a scheme other than http(s) or mailto, which vega would fail on (javascript:) or let through (data:)', async () => {
      const linked = {
        mark: 'bar',
        encoding: { x: { field: 'name', type: 'nominal' }, y: { field: 'n', type: 'quantitative' }, href: { field: 'url' } },
      };
      const fine = ['https://example.org/a?b=1&c=2', '/data/eu-referendum-2016/', '#method-x', 'mailto:a@example.org'];
      const svg = await chartSvg(
        linked,
        fine.map((url, n) => ({ name: `r${n}`, n, url })),
        { id: 'c' },
      );
      expect(svg).toContain('<a xlink:href="https://example.org/a?b=1&amp;c=2">');
      for (const url of fine.slice(1)) expect(svg).toContain(`xlink:href="${url}"`);
      const rows = [
        { name: 'a', n: 1, url: 'javascript:alert(1)' },
        { name: 'b', n: 2, url: 'data:text/html,<b>x</b>' },
        { name: 'c', n: 3, url: ' java\tscript:alert(2)' },
      ];
      const err = await failure(linked, rows);
      expect(err.detail).toContain(
        'the href channel gave "javascript:alert(1)", "data:text/html,<b>x</b>", " java\\tscript:alert(2)", which use schemes a chart may not link to',
      );
    });

    it('an unknown expression function', async () => {
      const err = await failure({
        transform: [{ calculate: 'sparkle(datum.posts)', as: 'double' }],
        mark: 'bar',
        encoding: { x: { field: 'double', type: 'quantitative' } },
      });
      expect(err.detail).toContain('Unrecognized function: sparkle');
    });
  });
});
