import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar, visit } from 'yaml';

export interface YamlSource {
  /** Returns the 1-based line and column of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  /** The parsed plain JavaScript value. */
  value: unknown;
  /** Syntax errors, with their positions. */
  errors: { message: string; line: number; column: number }[];
  /**
   * Unquoted texts that a hashtag cut short: YAML reads `summary: Posts with #KeepCorbyn and more` as the text
   * "Posts with" and a comment, which no parser reports. Each names the key, what the text kept, and where the
   * "#" is. A comment written as one (a space after "#": `# note`) is not one of them.
   */
  cutByHashtag: { /** `"summary"`, or `A list item`. */ key: string; kept: string; rest: string; line: number; column: number }[];
}

/** After an unquoted text, on its line: spaces, then "#" and a letter or digit (a hashtag, not `# a comment`). */
const HASHTAG_COMMENT = /^[ \t]+(#[\p{L}\p{N}_][^\n]*)/u;

/** A message saying that `cut` lost the rest of its text to a comment, and how to keep it. */
export const cutByHashtagMessage = (cut: YamlSource['cutByHashtag'][number]): string => {
  const rest = cut.rest.length > 40 ? `${cut.rest.slice(0, 39)}…` : cut.rest;
  return `${cut.key} stops at "${cut.kept}": YAML reads "${rest}" as a comment, since "#" after a space starts one. Put the whole text in quotes to keep it ("${cut.kept} ${rest}"); a comment has a space after its "#".`;
};

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
  const cutByHashtag: YamlSource['cutByHashtag'] = [];
  visit(doc, {
    Scalar(_key, node, path) {
      if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !node.range) return;
      const end = text.indexOf('\n', node.range[1]);
      const after = HASHTAG_COMMENT.exec(text.slice(node.range[1], end < 0 ? undefined : end));
      if (!after) return;
      const parent = path.at(-1);
      // A value, not a key: a key cut short is a syntax error YAML reports itself.
      if (isPair(parent) && parent.key === node) return;
      const name = isPair(parent) && isScalar(parent.key) ? `"${String(parent.key.value)}"` : 'A list item';
      const hash = node.range[1] + (after.index ?? 0) + (after[0].length - (after[1] as string).length);
      cutByHashtag.push({ key: name, kept: node.value, rest: (after[1] as string).trim(), ...at(hash) });
    },
  });
  return {
    cutByHashtag,
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
