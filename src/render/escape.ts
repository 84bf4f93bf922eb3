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

/**
 * XML 1.0 allows no control characters but tab, line feed and carriage return (nor U+FFFE and U+FFFF): one in a
 * feed makes the whole feed unreadable to an XML parser. Each becomes U+FFFD, the replacement character, so a
 * reader sees that something was there rather than losing it silently.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '\uFFFD');
}
