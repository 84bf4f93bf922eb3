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

function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32] ?? 556;
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

/** The estimated width in pixels of `text` in the house sans-serif font. */
export function textWidth(text: string, fontSize: number, fontWeight?: string | number): number {
  let units = 0;
  for (const char of text) units += charWidth(char);
  const bold = fontWeight === 'bold' || fontWeight === 'bolder' || Number(fontWeight) >= 600;
  return (units / 1000) * fontSize * SAFETY_FACTOR * (bold ? BOLD_FACTOR : 1);
}
