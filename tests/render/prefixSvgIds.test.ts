import { describe, expect, it } from 'vitest';
import { prefixSvgIds } from '../../src/render/prefixSvgIds.ts';

describe('prefixSvgIds(svg, prefix)', () => {
  it('renumbers ids in document order and rewrites url(#…) and href="#…" references', () => {
    const svg =
      '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_3"/></defs>' +
      '<g clip-path="url(#clip7)"><path fill="url(#gradient_3)"/><use xlink:href="#clip7"/><use href="#gradient_3"/></g></svg>';
    expect(prefixSvgIds(svg, 'fig')).toBe(
      '<svg><defs><clipPath id="fig-def1"><rect/></clipPath><linearGradient id="fig-def2"/></defs>' +
        '<g clip-path="url(#fig-def1)"><path fill="url(#fig-def2)"/><use xlink:href="#fig-def1"/><use href="#fig-def2"/></g></svg>',
    );
  });

  it('gives the same output whatever vega’s counters were', () => {
    const a = '<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>';
    const b = '<svg><clipPath id="clip42"/><g clip-path="url(#clip42)"/></svg>';
    expect(prefixSvgIds(a, 'x')).toBe(prefixSvgIds(b, 'x'));
  });

  it('never touches text content, other attributes or external links', () => {
    const svg =
      '<svg><clipPath id="clip1"/><text aria-label="id=&quot;clip1&quot;">id="clip1" url(#clip1)</text>' +
      '<a xlink:href="https://example.org/#clip1"><g data-id="clip1" clip-path="url(#clip1)"/></a></svg>';
    expect(prefixSvgIds(svg, 'p')).toBe(
      '<svg><clipPath id="p-def1"/><text aria-label="id=&quot;clip1&quot;">id="clip1" url(#clip1)</text>' +
        '<a xlink:href="https://example.org/#clip1"><g data-id="clip1" clip-path="url(#p-def1)"/></a></svg>',
    );
  });

  it('leaves an SVG without ids unchanged', () => {
    expect(prefixSvgIds('<svg><g/></svg>', 'p')).toBe('<svg><g/></svg>');
  });
});
