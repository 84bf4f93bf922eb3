/**
 * The words a word cloud leaves out: a post's `stopwords` languages' lists (default its `language`'s, or English).
 *
 * English stopwords come from stopwords-iso's `en` list (1,298 entries). That
 * list was compiled for search engines and also removes content words such as
 * "members", "general", "serious", "work" and "help", which are exactly what a
 * campaign's key words are made of. {@link CONTENT_WORDS} puts those back: it
 * lists the nouns, adjectives and verbs of the `en` list that carry meaning in
 * political and social text. Function words (articles, pronouns, auxiliaries,
 * prepositions, conjunctions, fillers) stay out.
 */
import { createRequire } from 'node:module';

// Loaded by Node's own JSON loader, not imported: Astro loads this module through Vite (the content config reads the
// language codes), which turned the 1.3 MB of JSON into a JavaScript module to compile and source-map on every build
// and dev start (warm builds of the typed-in sample, five each, alternating: median 3.40 s → 3.25 s).
const stopwordsIso: unknown = createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json');

/** Content words of stopwords-iso `en` that a cloud keeps (see the module comment). */
export const CONTENT_WORDS: ReadonlySet<string> = new Set([
  'act',
  'added',
  'affected',
  'announce',
  'approximately',
  'area',
  'areas',
  'asked',
  'asking',
  'back',
  'backed',
  'backing',
  'backs',
  'began',
  'begin',
  'beginning',
  'behind',
  'best',
  'better',
  'big',
  'biggest',
  'case',
  'cases',
  'change',
  'changes',
  'clear',
  'clearly',
  'course',
  'date',
  'end',
  'ended',
  'ending',
  'ends',
  'face',
  'faces',
  'fact',
  'facts',
  'far',
  'felt',
  'find',
  'full',
  'fully',
  'general',
  'generally',
  'give',
  'given',
  'gives',
  'good',
  'great',
  'greater',
  'greatest',
  'group',
  'grouped',
  'groups',
  'help',
  'high',
  'higher',
  'highest',
  'home',
  'ignored',
  'important',
  'information',
  'interest',
  'interested',
  'interests',
  'large',
  'largely',
  'largest',
  'late',
  'later',
  'latest',
  'least',
  'line',
  'long',
  'longer',
  'longest',
  'man',
  'member',
  'members',
  'men',
  'million',
  'new',
  'newer',
  'newest',
  'number',
  'numbers',
  'old',
  'older',
  'oldest',
  'open',
  'opened',
  'opening',
  'opens',
  'order',
  'ordered',
  'ordering',
  'orders',
  'outside',
  'part',
  'parted',
  'parting',
  'parts',
  'place',
  'places',
  'point',
  'pointed',
  'pointing',
  'points',
  'present',
  'presented',
  'presenting',
  'presents',
  'problem',
  'problems',
  'proud',
  'provided',
  'put',
  'puts',
  'room',
  'rooms',
  'serious',
  'seriously',
  'show',
  'showed',
  'showing',
  'shows',
  'side',
  'sides',
  'small',
  'smaller',
  'smallest',
  'state',
  'states',
  'strong',
  'stronger',
  'strongest',
  'thanks',
  'today',
  'tonight',
  'turn',
  'turned',
  'turning',
  'turns',
  'want',
  'wanted',
  'wanting',
  'wants',
  'way',
  'ways',
  'woman',
  'women',
  'work',
  'worked',
  'working',
  'works',
  'world',
  'year',
  'years',
  'young',
  'younger',
  'youngest',
]);

/**
 * Words of social-media text that say nothing about a campaign: retweet and
 * link residue ("rt", "via", "amp" from "&amp;", "https", "t.co") and chat
 * fillers. Matched after case folding.
 */
export const SOCIAL_NOISE: ReadonlySet<string> = new Set([
  'rt',
  'via',
  'amp',
  'http',
  'https',
  'www',
  'com',
  'co',
  'uk',
  'html',
  'cc',
  'mt',
  'ht',
  'dm',
  'pls',
  'plz',
  'lol',
  'omg',
  'im',
  'dont',
  'doesnt',
  'didnt',
  'cant',
  'wont',
  'isnt',
  'arent',
  'ive',
  'youre',
  'thats',
  'its',
  'u',
  'ur',
  'r',
  'n',
  'w',
  'b',
  'tbh',
  'imo',
  'gt',
  'lt',
  'pm',
  'am',
]);

const lists = stopwordsIso as Record<string, string[]>;

/** The languages stopwords-iso has a list for (ISO 639-1 codes: `en`, `fr`, `pl`, `uk`…), in code order. */
export const STOPWORD_LANGUAGES: readonly string[] = Object.keys(lists).sort();

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The ISO 639 code of a language written by its English name ("Polish" → "pl", "portuguese" → "pt"), among
 * stopwords-iso's, for messages that suggest the code to write; undefined for anything else.
 */
export function languageCodeNamed(name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return STOPWORD_LANGUAGES.find((code) => names.of(code)?.toLowerCase() === wanted);
}

/** ` Did you mean "pl" (Polish)?` for a language written by its name, `"en-GB"` for "en_GB", or nothing. */
export const languageHint = (name: unknown): string => {
  if (typeof name !== 'string') return '';
  if (/^[a-z]{2,3}(?:_[a-z0-9]{1,8})+$/i.test(name.trim())) return ` Did you mean "${name.trim().replace(/_/g, '-')}"?`;
  const code = languageCodeNamed(name);
  return code ? ` Did you mean "${code}" (${names.of(code)})?` : '';
};

/** A word as the tokenizer keys terms (tokenize.ts, foldTerm): apostrophes straightened, lower case, NFC. */
const fold = (word: string) => word.replace(/’/g, "'").toLowerCase().normalize('NFC');

const made = new Map<string, ReadonlySet<string>>();
const languagesOf = new WeakMap<ReadonlySet<string>, string>();

/**
 * The stopwords of `languages` (stopwords-iso codes), case-folded, plus {@link SOCIAL_NOISE}, which every
 * platform's posts carry whatever their language. English is stopwords-iso's `en` minus {@link CONTENT_WORDS};
 * the other languages' lists are used as stopwords-iso gives them (nobody here has curated them: a word they leave
 * out that matters to a campaign cannot be put back). One set per list of languages, made once.
 */
export function stopwordsFor(languages: readonly string[]): ReadonlySet<string> {
  const key = languages.join(',');
  let set = made.get(key);
  if (!set) {
    const words = new Set<string>(SOCIAL_NOISE);
    for (const language of languages) {
      const list = lists[language];
      if (!list) throw new Error(`stopwords-iso has no list for "${language}"`);
      for (const word of list) {
        const folded = fold(word);
        if (language !== 'en' || !CONTENT_WORDS.has(folded)) words.add(folded);
      }
    }
    set = words;
    made.set(key, set);
    languagesOf.set(set, key);
  }
  return set;
}

/**
 * What a set of stopwords is, for memo keys and the methods appendix: the languages of a set {@link stopwordsFor}
 * made ("pl,en"), or undefined for one made otherwise.
 */
export const stopwordLanguages = (set: ReadonlySet<string>): string | undefined => languagesOf.get(set);

/** English stopwords (stopwords-iso `en` minus {@link CONTENT_WORDS}) plus {@link SOCIAL_NOISE}, case-folded: the default. */
export const STOPWORDS: ReadonlySet<string> = stopwordsFor(['en']);
