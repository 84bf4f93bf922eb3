import { z } from 'astro/zod';
import { DEFAULT_FORMAT } from '../../analysis/value.ts';
import {
  DigitsWithoutMoreThan,
  FormatMismatch,
  MoreThanNotPositive,
  TypeMismatch,
  UnknownFormatName,
  UnknownKey,
  ValueUndefined,
} from '../../errors.ts';
import { nearestKeys } from '../../nearest.ts';
import { escapeHtml } from '../../render/escape.ts';
import { formatMoreThan, formatValue, HOUSE_FORMATS, isD3Specifier, isHouseFormat } from '../../render/format.ts';
import { isolatedIfDirectional, unisolated } from '../../render/isolate.ts';
import { type Directive, DirectiveProblem } from './types.ts';

const attributes = z.strictObject({
  key: z.string().optional(),
  format: z.string().optional(),
  /** Significant digits kept by `more-than` (default 2). */
  digits: z.coerce.number().int().min(1).max(6).optional(),
});

const NUMERIC_ONLY = new Set(['percent', 'thousands', 'more-than', 'compact', 'ratio', 'points', 'abs-points', 'number']);

/**
 * `:value[key]{format=… digits=…}` prints a computed value in a house format.
 * Without `format`, the value's own kind chooses (a share prints as a percent,
 * a count with thousands separators, followers compactly…).
 */
export const valueDirective: Directive<z.infer<typeof attributes>> = {
  name: 'value',
  kind: 'text',
  attributes,
  check(attrs) {
    // A value's own type chooses a house format, which exists; a format written must be one.
    if (attrs.format !== undefined && !isHouseFormat(attrs.format) && !isD3Specifier(attrs.format))
      throw new DirectiveProblem(UnknownFormatName, UnknownFormatName.message(attrs.format, HOUSE_FORMATS), { attribute: 'format' });
  },
  render(attrs, label, { analysis, recorder }) {
    const key = (attrs.key ?? label).trim();
    const value = analysis.values.get(key);
    // A key given as key="…" is pointed at there; one in the label, at the directive.
    const keyAttribute = attrs.key === undefined ? undefined : { attribute: 'key' };
    if (!value) throw new DirectiveProblem(UnknownKey, UnknownKey.message(key, nearestKeys(key, analysis.values.keys())), keyAttribute);
    const format = attrs.format ?? DEFAULT_FORMAT[value.type];
    // Only more-than reads digits: with any other format it would be ignored, and the figure not what was asked.
    if (attrs.digits !== undefined && format !== 'more-than') {
      throw new DirectiveProblem(DigitsWithoutMoreThan, DigitsWithoutMoreThan.message(key, format), { attribute: 'digits' });
    }
    const isNumber = typeof value.value === 'number';
    const kind = isNumber ? 'number' : value.value instanceof Date ? 'date' : 'text';
    // With no format given, the value's own type chose it: that type is what to fix, not the format.
    const mismatch = () =>
      attrs.format === undefined
        ? new DirectiveProblem(TypeMismatch, TypeMismatch.message(key, value.type, format, kind))
        : new DirectiveProblem(FormatMismatch, FormatMismatch.message(key, format, kind), { attribute: 'format' });
    if ((NUMERIC_ONLY.has(format) || !isHouseFormat(format)) && !isNumber) throw mismatch();
    // Only a date cell prints as a date: text such as "30/08/2016" or "Aug 30 2016" would be read by the
    // machine's locale and timezone (a build must print the same everywhere), so it prints as written.
    if (format === 'date' && !(value.value instanceof Date)) throw mismatch();
    if (isNumber && !Number.isFinite(value.value)) {
      // The definition as the methods print it, without the isolation put around its names for the page.
      throw new DirectiveProblem(ValueUndefined, ValueUndefined.message(key, unisolated(value.definition)));
    }
    if (format === 'more-than' && !((value.value as number) > 0)) {
      throw new DirectiveProblem(
        MoreThanNotPositive,
        MoreThanNotPositive.message(
          key,
          formatValue(value.value, NUMERIC_ONLY.has(DEFAULT_FORMAT[value.type]) ? DEFAULT_FORMAT[value.type] : 'number'),
        ),
      );
    }
    // "More than 79%": a share (or points) is rounded down in the units its own format prints.
    const text =
      format === 'more-than'
        ? formatMoreThan(value.value as number, attrs.digits, value.type)
        : formatValue(value.value, format, attrs.digits);
    recorder.value(key, attrs.format, attrs.digits, text);
    // The figure links to its line in the post's methods appendix (id "method-<key>"), where
    // its definition, inputs and rounding are written out; the title gives the definition on hover.
    const k = escapeHtml(key);
    // A figure never breaks across lines ("78,412", "1 July 2016"); a name (data-text) wraps like prose.
    const wraps = typeof value.value === 'string' ? ' data-text' : '';
    // A text from the data holding an override (U+202E) is isolated in the text itself, between U+2068 and U+2069:
    // CSS (.value) isolates it on the page, but the feed carries the article without the site's CSS, and copied text
    // without any, and there the override would reverse the rest of the sentence. Other text is printed as it is.
    const printed = isolatedIfDirectional(text);
    return `<a class="value-link" href="#method-${k}"><span class="value" data-key="${k}"${wraps} title="${escapeHtml(value.definition)}">${escapeHtml(printed)}</span></a>`;
  },
};
