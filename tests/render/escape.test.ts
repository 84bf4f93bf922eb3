import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/render/escape.ts';

describe('escapeHtml(s)', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
  it('neutralises a script element in text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('cannot close a double- or single-quoted attribute', () => {
    const hostile = `x" onmouseover="alert(1)' onfocus='alert(2)`;
    const escaped = escapeHtml(hostile);
    expect(escaped).not.toMatch(/["']/);
    expect(`<a title="${escaped}">`).toBe('<a title="x&quot; onmouseover=&quot;alert(1)&#39; onfocus=&#39;alert(2)">');
  });
  it('escapes an ampersand only once and leaves other text alone', () => {
    expect(escapeHtml('A &amp; B')).toBe('A &amp;amp; B');
    expect(escapeHtml('Plain text, 79.4% — “quoted” ✓')).toBe('Plain text, 79.4% — “quoted” ✓');
    expect(escapeHtml('')).toBe('');
  });
});
