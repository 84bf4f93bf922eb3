/**
 * Text width without a canvas. vega, when it cannot measure text, assumes
 * every character is 0.8 em wide, which makes labels look about 50% wider
 * than they are: axes take too much room and long labels are cut short. This
 * estimate uses the advance widths of Helvetica/Arial (in 1/1000 em), close
 * to the system sans-serif fonts the charts are drawn in, plus a margin.
 */
const ASCII_WIDTHS = [
  // space ! " # $ % & ' ( ) * + , - . /
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  // 0-9
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
  // : ; < = > ? @
  278, 278, 584, 584, 584, 556, 1015,
  // A-Z
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
  // [ \ ] ^ _ `
  278, 278, 278, 469, 556, 333,
  // a-z
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
  // { | } ~
  334, 260, 334, 584,
];

const OTHER_WIDTHS: Readonly<Record<string, number>> = {
  '…': 1000,
  '—': 1000,
  '–': 556,
  '×': 584,
  '’': 222,
  '‘': 222,
  '“': 333,
  '”': 333,
  '•': 350,
  '£': 556,
  '€': 556,
};

/**
 * Margin for fonts wider than Helvetica: SF Pro is a little wider, DejaVu
 * Sans (the default sans-serif on many Linux systems) about 10% wider.
 */
const SAFETY_FACTOR = 1.1;

/** Bold text is about this much wider. */
const BOLD_FACTOR = 1.08;

/**
 * Characters drawn with no width: zero-width spaces and joiners, directional marks, embeddings, overrides and isolates
 * (a chart's label from the data is isolated between U+2068 and U+2069, isolate.ts), the word joiner, the byte order
 * mark, the soft hyphen.
 */
const INVISIBLE = /^[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]$/;

function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32] ?? 556;
  // After the ASCII widths, which vega asks for most: no ASCII character is invisible.
  if (INVISIBLE.test(char)) return 0;
  const known = OTHER_WIDTHS[char];
  if (known !== undefined) return known;
  // Accented Latin letters: the width of the base letter.
  const base = char.normalize('NFD')[0];
  if (base !== undefined && base !== char) return charWidth(base);
  // East Asian wide characters and emoji take a full em.
  if (
    code >= 0x1100 &&
    (code <= 0x115f ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60) ||
      code >= 0x1f300)
  )
    return 1000;
  return 556;
}

/**
 * Advance widths of DejaVu Sans (in 1/1000 em), the widest sans-serif a reader's `system-ui` is likely to be: the
 * default on many Linux systems, and what Chromium draws charts in there. Wider than Helvetica's by 10–15% for most
 * letters, by half for `#`, `<`, `>`, `+`, `=` (838), so a hashtag or a label holding markup can pass
 * {@link textWidth}'s estimate, margin and all.
 */
const DEJAVU_ASCII_WIDTHS = [
  // space ! " # $ % & ' ( ) * + , - . /
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
  // 0-9
  636, 636, 636, 636, 636, 636, 636, 636, 636, 636,
  // : ; < = > ? @
  337, 337, 838, 838, 838, 531, 1000,
  // A-Z
  684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685,
  // [ \ ] ^ _ `
  390, 337, 390, 838, 500, 500,
  // a-z
  613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525,
  // { | } ~
  636, 337, 636, 838,
];

const DEJAVU_OTHER_WIDTHS: Readonly<Record<string, number>> = {
  '×': 838,
  '’': 318,
  '‘': 318,
  '“': 518,
  '”': 518,
  '•': 590,
  '£': 636,
  '€': 636,
};

/** DejaVu Sans Bold is wider than its Book by up to about this much (i, l, t: 23%). */
const DEJAVU_BOLD_FACTOR = 1.23;

/** Beyond ASCII and the few characters listed, DejaVu Sans is taken as this much wider than {@link charWidth} says. */
const DEJAVU_OTHER_FACTOR = 1.15;

function dejaVuCharWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return DEJAVU_ASCII_WIDTHS[code - 32] ?? 636;
  const known = DEJAVU_OTHER_WIDTHS[char];
  if (known !== undefined) return known;
  const base = char.normalize('NFD')[0];
  if (base !== undefined && base !== char) return dejaVuCharWidth(base);
  return charWidth(char) * DEJAVU_OTHER_FACTOR;
}

const isBold = (fontWeight?: string | number) => fontWeight === 'bold' || fontWeight === 'bolder' || Number(fontWeight) >= 600;

/**
 * The most `text` may take in a reader's font: {@link textWidth}'s estimate, or its width in DejaVu Sans where that
 * is wider (a label of hashtags or markup). For the room a text needs where it must not be cut, not for laying it
 * out, which {@link textWidth} does.
 */
export function widestTextWidth(text: string, fontSize: number, fontWeight?: string | number): number {
  let units = 0;
  for (const char of text) units += dejaVuCharWidth(char);
  const dejaVu = (units / 1000) * fontSize * (isBold(fontWeight) ? DEJAVU_BOLD_FACTOR : 1);
  return Math.max(textWidth(text, fontSize, fontWeight), dejaVu);
}

/** The estimated width in pixels of `text` in the house sans-serif font. */
export function textWidth(text: string, fontSize: number, fontWeight?: string | number): number {
  let units = 0;
  for (const char of text) units += charWidth(char);
  return (units / 1000) * fontSize * SAFETY_FACTOR * (isBold(fontWeight) ? BOLD_FACTOR : 1);
}
