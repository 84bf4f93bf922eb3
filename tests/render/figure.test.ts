import { describe, expect, it } from 'vitest';
import { dataTable } from '../../src/render/dataTable.ts';
import { figure } from '../../src/render/figure.ts';

const svg = '<svg role="img" aria-labelledby="c-title"><title id="c-title">T</title></svg>';
const table = dataTable([{ campaign: '<script>alert(1)</script>', posts: 3 }]);

describe('figure(options)', () => {
  it('holds the caption, the SVG and the data table, in that order; the table out of the search index', () => {
    const html = figure({ id: 'chart-volume', title: 'Weekly volume', description: 'Posts per week.', svg, table });
    expect(html).toBe(
      '<figure class="chart" id="chart-volume"><figcaption><strong class="chart-title">Weekly volume</strong> ' +
        '<span class="chart-description">Posts per week.</span></figcaption>' +
        svg +
        `<details class="chart-data" data-pagefind-ignore="all"><summary>Data table<span class="visually-hidden"> of Weekly volume</span></summary>${table}</details></figure>`,
    );
  });

  it('holds the phone drawing beside the wide one, for the page to show one of them', () => {
    const narrowSvg = svg.replaceAll('c-title', 'c-narrow-title');
    const html = figure({ id: 'c', title: 'T', description: 'D', svg, narrowSvg, table });
    expect(html).toContain(`</figcaption><div class="chart-wide">${svg}</div><div class="chart-narrow">${narrowSvg}</div><details`);
  });

  it('adds a source line under the chart when given', () => {
    const html = figure({ id: 'c', title: 'T', description: 'D', svg, table, source: 'Twitter API, July 2016' });
    expect(html).toContain(`${svg}<p class="chart-source">Source: <bdi>Twitter API, July 2016</bdi></p><details`);
  });

  it('escapes every text and the id, and contains no script', () => {
    const html = figure({
      id: '"><script>x</script>',
      title: 'A <b>"bold"</b> & co',
      description: '<img src=x onerror=alert(1)>',
      svg,
      table,
      source: "<a href='javascript:alert(1)'>",
    });
    expect(html).toContain('id="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('<strong class="chart-title">A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co</strong>');
    expect(html).toContain('<span class="chart-description">&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(html).toContain('Source: <bdi>&lt;a href=&#39;javascript:alert(1)&#39;&gt;</bdi>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img|<b>|<a /i);
  });
});

describe('figure({download})', () => {
  it('links the chart table as CSV, with its row count', () => {
    const html = figure({
      id: 'c-1',
      title: 'T',
      description: 'D',
      svg: '<svg></svg>',
      table: '<table></table>',
      download: { href: 'c-1.csv', rows: 1 },
    });
    // Interface, not prose: out of the search index, whose excerpts would quote it.
    expect(html).toContain(
      '<p class="chart-download" data-pagefind-ignore="all"><a href="c-1.csv" download>Download the data (CSV, 1 row)</a></p></figure>',
    );
  });
});
