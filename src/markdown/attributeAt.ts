/**
 * Where an attribute is written in a directive's text (`::chart[Title]{data=weekly colour=red}`), so that a problem
 * with it points at its own column rather than at the directive's first. remark-directive gives the attributes
 * parsed, without their positions; they are found again here, by its syntax: the label in brackets (brackets inside
 * it balanced, or escaped), then `{`, then `key`, `key=value`, `key="…"` or `key='…'`, `#id` and `.class`, apart by
 * spaces. Run on a directive with a problem only.
 */

/** The offset in `source` (a directive's text, from its colons) at which attribute `name` is written, if it is. */
export function attributeAt(source: string, name: string): number | undefined {
  let i = /^:+[^[{\s]*/.exec(source)?.[0].length ?? 0;
  if (source[i] === '[') {
    const after = afterLabel(source, i);
    if (after === undefined) return undefined;
    i = after;
  }
  if (source[i] !== '{') return undefined;
  i++;
  while (i < source.length) {
    while (/\s/.test(source[i] ?? '')) i++;
    if (i >= source.length || source[i] === '}') return undefined;
    const start = i;
    while (i < source.length && !/[\s=}]/.test(source[i] as string)) i++;
    if (source.slice(start, i) === name) return start;
    if (source[i] !== '=') continue;
    i++;
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      const end = source.indexOf(quote, i + 1);
      i = end === -1 ? source.length : end + 1;
    } else while (i < source.length && !/[\s}]/.test(source[i] as string)) i++;
  }
  return undefined;
}

/**
 * The offset just after the label that opens at `i` in a directive's text (`[…]`, brackets inside it balanced or
 * escaped), or undefined when its "[" is never closed. Shared with strayDirectives.ts, which says why a directive
 * does not parse.
 */
export function afterLabel(source: string, i: number): number | undefined {
  for (let depth = 0, j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j + 1;
  }
  return undefined;
}
