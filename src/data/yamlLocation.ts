import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface YamlSource {
  /** Returns the 1-based line and column of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  /** The parsed plain JavaScript value. */
  value: unknown;
  /** Syntax errors, with their positions. */
  errors: { message: string; line: number; column: number }[];
}

/**
 * Parses YAML keeping positions, so validation problems can point at the
 * exact key. `lineOffset` shifts lines, e.g. past a frontmatter's opening `---`.
 */
export function yamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core' });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  return {
    value: doc.toJS(),
    errors: doc.errors.map((e) => ({ message: e.message.split('\n')[0] ?? e.message, ...at(e.pos[0]) })),
    locate(path) {
      let node: unknown = doc.contents;
      let offset = doc.contents?.range?.[0] ?? 0;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => {
            const k = item.key as Node | null;
            return k && 'value' in k ? String(k.value) === String(key) : false;
          });
          if (!pair) break;
          const keyNode = pair.key as Node;
          offset = keyNode.range?.[0] ?? offset;
          node = pair.value;
          // Point at the key for scalars (the usual case for a wrong value).
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as Node | undefined;
          if (!item) break;
          offset = item.range?.[0] ?? offset;
          node = item;
        } else break;
      }
      return at(offset);
    },
  };
}
