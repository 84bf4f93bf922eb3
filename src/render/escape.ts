/**
 * Escapes text for HTML and SVG, in text content and in quoted attribute
 * values alike. Data text is hostile: every string that did not come from
 * our own templates goes through here before it reaches a page.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
