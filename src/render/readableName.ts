/** A word made only of letters and digits, which a case change inside splits. */
const PLAIN = /^[\p{L}\p{N}]+$/u;
/** A capital followed only by small letters or digits: a capitalised word, not an acronym. */
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{N}]*$/u;

const capitalFirst = (text: string) => text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/**
 * A column's name as a table's header shows it when nothing gives the column a title: the name written as words,
 * in the sentence case the house headers use ("Week beginning", "Days of 7"). A column's name is often
 * written for code (`keepcorbyn_share`, `Valid_Votes`, `absError`); a reader should not have to read it as code.
 *
 * - `_` and `-` separate words, and so does a capital after a small letter (`absError`) or a capital that starts a
 *   word after an acronym (`HTMLParser`), within a word of letters and digits only: `#KeepCorbyn` is left whole.
 * - A word after the first that is capitalised (`Votes`, `Error`) is lower-cased: `Valid_Votes` is "Valid votes". A
 *   word in capitals, an acronym (`EU`, `URL`), keeps them; so does every other word (a digit, a symbol).
 * - The first letter is capitalised: `share` is "Share".
 * - A name that already holds a space was written for readers (a dataset's column "Owen Smith votes"): only its first
 *   letter is capitalised, so a proper noun in it keeps its capital. A name that is nothing but separators is kept.
 *
 * It guesses: `Owen_Smith` reads "Owen smith". A table's definition can head a column itself (`headers` under
 * `tables`), and so can the directive (`headers="…"`).
 */
export function readableName(name: string): string {
  if (/\s/u.test(name.trim())) return capitalFirst(name.trim());
  const words = name
    .split(/[_-]+/u)
    .filter(Boolean)
    .flatMap((word) =>
      PLAIN.test(word)
        ? word
            .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
            .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
            .split(' ')
        : [word],
    );
  if (words.length === 0) return name;
  const [first = '', ...rest] = words;
  return [capitalFirst(first), ...rest.map((word) => (CAPITALISED.test(word) ? word.toLowerCase() : word))].join(' ');
}
