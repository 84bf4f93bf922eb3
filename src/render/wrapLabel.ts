import { expressionFunction } from 'vega';
import { isolate, withoutIsolation } from './isolate.ts';
import { textWidth } from './textWidth.ts';

/**
 * Breaks a label into lines of at most `width` pixels (measured as the
 * charts measure text, {@link textWidth}), at spaces, filling each line
 * before starting the next. Labels are data (a reference's name, a region),
 * so they can be of any length: cutting one to a limit would hide the words
 * that tell two apart ("YouGov, 30 August (excl. don't kno…"). A word wider
 * than the line keeps a line of its own (vega cuts it at the axis's
 * `labelLimit`). A label that fits is returned as it is, not as an array.
 */
export function wrapLabel(text: string, width: number, fontSize: number): string | string[] {
  // A label the chart isolated (isolate.ts) is wrapped as its text, and each line isolated as the whole was.
  const whole = String(text ?? '');
  const label = withoutIsolation(whole);
  if (label !== whole) {
    const lines = wrapLabel(label, width, fontSize);
    return Array.isArray(lines) ? lines.map(isolate) : whole;
  }
  if (textWidth(label, fontSize) <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter((w) => w !== '')) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(longer, fontSize) > width) {
      lines.push(line);
      line = word;
    } else {
      line = longer;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 1 ? (lines[0] as string) : lines;
}

/**
 * `houseWrap(text, width, fontSize)` in a spec's expressions, e.g. an axis's
 * `"labelExpr": "houseWrap(datum.label, 220, 12)"`: the label as lines
 * (see {@link wrapLabel}), which vega draws one under the other.
 */
expressionFunction('houseWrap', (text: unknown, width: unknown, fontSize: unknown) =>
  wrapLabel(String(text ?? ''), Number(width), Number(fontSize)),
);
