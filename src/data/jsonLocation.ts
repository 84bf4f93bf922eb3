import { findNodeAtLocation, type Node, type ParseErrorCode, parseTree, printParseErrorCode, visit } from 'jsonc-parser';
import type { Location } from '../errors.ts';

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first syntax error of a JSON text: where it is, and what was found there against what was expected. */
export interface JsonSyntaxError {
  offset: number;
  /** What is wrong, as a sentence: what was found, and what was expected. */
  reason: string;
  /** When the text ends inside a value (a file or a line cut short): the innermost object or list still open, and where. */
  endsInside?: { kind: 'object' | 'list'; offset: number };
}

/** A token of the text as a message quotes it: as written (a string with its quotes), cut to 40 characters. */
function quoted(token: string): string {
  const cut = token.length > 40 ? `${token.slice(0, 39)}…` : token;
  return cut.startsWith('"') ? cut : `"${cut}"`;
}

/**
 * The first syntax error of strict JSON (no comments, no comma after the last entry), as jsonc-parser reports it
 * (a code and an offset), said in words from the text around it; `{ offset: 0 }` when there is none.
 */
export function jsonErrorOffset(text: string): JsonSyntaxError {
  let found: JsonSyntaxError | undefined;
  /** The objects and lists open at each point, with the last key read in each object. */
  const open: { kind: 'object' | 'list'; offset: number; key?: string }[] = [];
  /**
   * The object or list last ended. jsonc-parser ends one (onObjectEnd, onArrayEnd) before it reports that its closing
   * bracket is missing (CloseBraceExpected, CloseBracketExpected), so that error is about this one, not the one still
   * open around it: a file cut after a list's last whole item (`[{…}, {…}`) ends inside the list, which is no longer
   * open when the error comes.
   */
  let closed: { kind: 'object' | 'list'; offset: number; key?: string } | undefined;
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        if (!found) open.push({ kind: 'object', offset });
      },
      onArrayBegin: (offset) => {
        if (!found) open.push({ kind: 'list', offset });
      },
      onObjectEnd: () => {
        if (!found) closed = open.pop();
      },
      onArrayEnd: () => {
        if (!found) closed = open.pop();
      },
      onObjectProperty: (key) => {
        const inner = open.at(-1);
        if (!found && inner) inner.key = key;
      },
      onError: (code, offset, length) => {
        const unclosed = /^Close(Brace|Bracket)Expected$/.test(printParseErrorCode(code));
        found ??= describe(text, code, offset, length, unclosed ? closed : open.at(-1));
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found ?? { offset: 0, reason: 'This is not valid JSON.' };
}

function describe(
  text: string,
  errorCode: ParseErrorCode,
  offset: number,
  length: number,
  inner: { kind: 'object' | 'list'; offset: number; key?: string } | undefined,
): JsonSyntaxError {
  // Its name: jsonc-parser's codes are a const enum, which a file compiled on its own cannot read.
  const code = printParseErrorCode(errorCode);
  const end = text.trimEnd().length;
  // A value still open where the text ends (a string running to its end, a list or an object never closed): cut short.
  const runsToEnd =
    offset + length >= end && (code === 'UnexpectedEndOfString' || code === 'InvalidSymbol' || code === 'UnexpectedEndOfNumber');
  if (inner && (offset >= end || runsToEnd)) return { offset: end, reason: '', endsInside: { kind: inner.kind, offset: inner.offset } };
  const token = text.slice(offset, offset + Math.max(length, 1));
  const at = offset >= end ? 'the end' : quoted(token);
  const key = inner?.key === undefined ? '' : ` "${inner.key}"`;
  // A comma before a closing bracket: the comma after the last entry that JavaScript allows and JSON does not.
  const trailing = (token === '}' || token === ']') && text.slice(0, offset).trimEnd().endsWith(',');
  const reason = (() => {
    switch (code) {
      case 'ColonExpected':
        return `expected ":" after the key${key}, found ${at}`;
      case 'CommaExpected':
        return inner?.kind === 'object'
          ? `expected "," or "}" after the value of${key || ' a key'}, found ${at} (a comma missing between two entries?)`
          : `expected "," or "]" after an item of the list, found ${at} (a comma missing between two items?)`;
      case 'PropertyNameExpected':
        return trailing
          ? `found ${at} after a comma: JSON allows no comma after the last entry`
          : `expected a key in double quotes, found ${at}`;
      case 'ValueExpected':
        return trailing ? `found ${at} after a comma: JSON allows no comma after the last item` : `expected a value, found ${at}`;
      case 'CloseBraceExpected':
        return `expected "}" to close the object, found ${at}`;
      case 'CloseBracketExpected':
        return `expected "]" to close the list, found ${at}`;
      case 'EndOfFileExpected':
        return `expected nothing after the JSON value, found ${at} (one JSON value a line is NDJSON: name the file .ndjson)`;
      case 'InvalidSymbol':
        return token.startsWith("'")
          ? `found ${at}: JSON writes keys and text in double quotes, not single`
          : `found ${at}, which is not JSON (text goes in double quotes; the other values are numbers, true, false and null)`;
      case 'UnexpectedEndOfString':
        return `the text ${at} is not closed on its line (a line break inside a string is written \\n)`;
      case 'InvalidEscapeCharacter':
        return `the text ${at} has an escape JSON does not know (it knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by 4 hex digits)`;
      case 'InvalidUnicode':
        return `the text ${at} has a \\u escape without 4 hex digits`;
      case 'InvalidCharacter':
        return `the text ${at} holds a control character (a tab or a line break?), which JSON writes as an escape (\\t, \\n)`;
      case 'InvalidNumberFormat':
      case 'UnexpectedEndOfNumber':
        return `found ${at}, a number JSON does not read (no leading zeros, "+", ".5" or "5.")`;
      case 'InvalidCommentToken':
      case 'UnexpectedEndOfComment':
        return `found ${at}: JSON has no comments`;
      default:
        return `found ${at}, which JSON does not allow here`;
    }
  })();
  return { offset, reason: `This is not valid JSON: ${reason}.` };
}

/**
 * Locates a value inside a JSON document by its path, lazily: the tree is
 * parsed only when an error needs a position.
 */
export function jsonLocator(text: string, file: string, baseLine = 0) {
  let tree: Node | undefined;
  return (path: (string | number)[]): Location => {
    tree ??= parseTree(text);
    let node = tree ? findNodeAtLocation(tree, path) : undefined;
    // Point at the property's key when there is one.
    if (node?.parent?.type === 'property') node = node.parent;
    for (let p = path.slice(0, -1); !node && p.length >= 0; p = p.slice(0, -1)) {
      node = tree ? findNodeAtLocation(tree, p) : undefined;
      if (p.length === 0) break;
    }
    const { line, column } = positionOf(text, node?.offset ?? 0);
    return { file, line: line + baseLine, column };
  };
}
