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
  cutByHashtag: { /** `"summary"`, or `An item of "tags"`. */ key: string; kept: string; rest: string; line: number; column: number }[];
}

/**
 * The keys whose values are prose a reader sees (a post's title and summary, a campaign's label, a manifest's or the
 * site's description): a hashtag in them is likely, and losing the rest of the text to it goes unseen. Other values
 * are names, codes and numbers their schema checks ("pl #Polish" is a language and a comment).
 */
const PROSE_KEYS = new Set(['title', 'summary', 'description', 'label', 'name', 'author', 'source', 'tags']);

/**
 * After an unquoted text: on its line, spaces, then "#" and a letter or digit (a hashtag, not `# a comment`); or,
 * on the next line, indented as a continuation of it, the same ("#StrajkKobiet i …" wrapped onto its own line).
 */
const SAME_LINE = /^[ \t]+(#[\p{L}\p{N}_][^\n]*)/u;
const NEXT_LINE = /^[ \t]*\r?\n([ \t]+)(#[\p{L}\p{N}_][^\n]*)/u;

/** A message saying that `cut` lost the rest of its text to a comment, and how to keep it. */
export const cutByHashtagMessage = (cut: YamlSource['cutByHashtag'][number]): string => {
  // The kept text by its end, which is where it stops; what YAML dropped from its start, and long enough to find
  // (a trial's 40 characters ended mid-word before the value's end, as if the message had cut it too).
  const end = (text: string) => (text.length > 40 ? `…${text.slice(-39).replace(/^\S*\s/, '')}` : text);
  const start = (text: string) => (text.length > 100 ? `${text.slice(0, 99).replace(/\s\S*$/, '')}…` : text);
  return `${cut.key} stops at "${end(cut.kept)}": YAML reads "${start(cut.rest)}" as a comment, since "#" after a space starts one. Put the whole text in quotes to keep it; a comment has a space after its "#".`;
};

/** The problems of {@link YamlSource.cutByHashtag}, as the caller's catalogue entry makes them. */
export const cutByHashtagProblems = <E>(source: YamlSource, make: (at: { line: number; column: number }, message: string) => E): E[] =>
  source.cutByHashtag.map((cut) => make({ line: cut.line, column: cut.column }, cutByHashtagMessage(cut)));

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
  /** How far the line holding `offset` is indented. */
  const indentAt = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))?.[0].length ?? 0;
  visit(doc, {
    Scalar(_key, node, path) {
      if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !node.range) return;
      const parent = path.at(-1);
      // A value, not a key: a key cut short is a syntax error YAML reports itself.
      if (isPair(parent) && parent.key === node) return;
      // The key the text is the value of, or the key of the list it is an item of.
      const owner = isPair(parent) ? parent : isSeq(parent) ? path.at(-2) : undefined;
      const key = isPair(owner) && isScalar(owner.key) ? String(owner.key.value) : undefined;
      if (key === undefined || !PROSE_KEYS.has(key)) return;
      const rest = text.slice(node.range[1]);
      const same = SAME_LINE.exec(rest);
      const next = same ? undefined : NEXT_LINE.exec(rest);
      const hashtag = same?.[1] ?? (next && (next[1] as string).length > indentAt(node.range[0]) ? next[2] : undefined);
      if (!same && hashtag === undefined) return;
      const where = node.range[1] + rest.indexOf(hashtag as string);
      const name = isPair(parent) ? `"${key}"` : `An item of "${key}"`;
      cutByHashtag.push({ key: name, kept: node.value, rest: (hashtag as string).trim(), ...at(where) });
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
