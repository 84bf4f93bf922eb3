import { findNodeAtLocation, type Node, parseTree, visit } from 'jsonc-parser';
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

/** The offset of the first syntax error in strict JSON, or 0. */
export function jsonErrorOffset(text: string): { offset: number; reason: string } {
  let found: { offset: number; reason: string } | undefined;
  visit(
    text,
    {
      onError: (_code, offset) => {
        found ??= { offset, reason: 'Invalid JSON syntax here.' };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found ?? { offset: 0, reason: 'Invalid JSON.' };
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
