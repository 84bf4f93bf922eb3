import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cloudSvg, type DrawnWord } from '../../../src/render/wordcloud/cloudSvg.ts';
import { BACKGROUNDS, colorPair, minContrast } from '../../../src/render/wordcloud/contrast.ts';
import { fontMetrics } from '../../../src/render/wordcloud/fontMetrics.ts';
import { layoutCloud } from '../../../src/render/wordcloud/layoutCloud.ts';

const font = fontMetrics();
const hostile: DrawnWord[] = [
  { key: 'script', text: '<script>alert(1)</script>', weight: 50, tooltip: '<script>: "1" & \'2\'', tone: 0 },
  { key: 'members', text: 'members', weight: 40, tooltip: 'members: 40 distinct texts', tone: 0 },
  { key: 'rally', text: 'rally', weight: 30, tooltip: 'rally: 30 distinct texts', tone: 1 },
  { key: 'amp', text: 'Tom & Jerry', weight: 20, tooltip: 'x', tone: 1 },
];
const palette = [colorPair('#b3202a'), colorPair('#1f5f8b')];

function render(words = hostile) {
  const layout = layoutCloud(words, { width: 500, height: 300, font });
  return cloudSvg(layout.placed, {
    id: 'wc-1',
    width: 500,
    height: 300,
    title: 'Key words </title><script>',
    description: 'Largest first: members (40), rally (30).',
    palette,
    labels: [{ text: 'More <b>', x: 0, y: 18, anchor: 'start' }],
  });
}

describe('cloudSvg(placed, options)', () => {
  it('is well-formed SVG with role="img" named by its <title> and described by a <desc> of the top terms', () => {
    const svg = render();
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg).svg;
    expect(doc.role).toBe('img');
    // Named by its title; the list of top words describes it (as the name, it would be read as one long label).
    expect(doc['aria-labelledby']).toBe('wc-1-title');
    expect(doc['aria-describedby']).toBe('wc-1-desc');
    // The title stays text: escaped in the source, so the parser reads it back whole.
    expect(doc.title['#text']).toBe('Key words </title><script>');
    expect(svg).toContain('Key words &lt;/title&gt;&lt;script&gt;</title>');
    expect(doc.desc['#text']).toContain('members (40), rally (30)');
  });

  it('draws every placed word as a real <text> with a <title> tooltip, all text escaped', () => {
    const svg = render();
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('<title>&lt;script&gt;: &quot;1&quot; &amp; &#39;2&#39;</title>');
    expect(svg).toContain('>Tom &amp; Jerry</text>');
    expect(svg).toContain('>More &lt;b&gt;</text>');
    expect(svg.match(/<text class="wc-1-t\d"/g)).toHaveLength(4);
    expect(svg).toContain("font-family=\"'Soundings Cloud', 'Source Sans 3', sans-serif\"");
  });

  it('colours words through classes that switch with the colour scheme, each ≥ 4.5:1 on its page', () => {
    const svg = render();
    const style = /<style>(.*)<\/style>/.exec(svg)?.[1] ?? '';
    const [light, dark] = style.split('@media screen and (prefers-color-scheme: dark)');
    const fills = (css = '') => [...css.matchAll(/\.wc-1-t\d\{fill:(#[0-9a-f]{6})\}/g)].map((m) => m[1] as string);
    expect(fills(light)).toHaveLength(2);
    expect(fills(dark)).toHaveLength(2);
    for (const c of fills(light)) expect(minContrast(c, BACKGROUNDS.light)).toBeGreaterThanOrEqual(4.5);
    for (const c of fills(dark)) expect(minContrast(c, BACKGROUNDS.dark)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the same bytes for the same words', () => {
    expect(render()).toBe(render());
    expect(render([...hostile].reverse())).toBe(render());
  });
});
