/**
 * Astro's glob loader logs a failed post as `Error rendering <entry>: <message>`,
 * and the Markdown processor prefixes `Failed to parse Markdown file "<path>":`.
 * Soundings' own messages already name `post.md:line:column`, so both prefixes
 * are dropped.
 */
export function renderFailureMessage(message: string): string {
  return message.replace(/^Error rendering [^:]+: /, '').replace(/^Failed to parse Markdown file "[^"]*":\n/, '');
}
