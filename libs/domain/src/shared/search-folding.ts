/**
 * The one form in which text is searched: the projections store every row's words folded
 * this way (search_text) and the api folds a search term the same way before matching it as
 * a substring, so two spellings that fold alike find each other while the column itself stays
 * bare for the trigram index. Lives in the domain's shared folder because it is pure and both
 * the read model and the api import it; nothing else may fold search text its own way.
 *
 * What is forgiven, and why:
 * - Thai tone marks (U+0E48..U+0E4B) and the silent-letter mark thanthakhat (U+0E4C): people
 *   type them differently or leave them out ("ลาซาดา" for "ลาซาด้า"), and words that differ
 *   only in them are rare next to the misses they cause.
 * - Mai taikhu (U+0E47): it sits where tone marks sit, is dropped in quick typing ("เปน" for
 *   "เป็น"), and almost no two names differ by it alone.
 * - Thai digits (U+0E50..U+0E59) read as Arabic digits: "๒๕๖๒" and "2562" are one year.
 * - Sara e typed twice ("เเ") is what sara ae ("แ") looks like on screen, and a common slip.
 * - NFKC: sara am (U+0E33) and nikhahit + sara aa (U+0E4D U+0E32) look the same and become
 *   the same; full-width letters and digits become ASCII; composed and decomposed accents agree.
 *   Nikhahit itself is kept: "คำ" and "คา" are different words.
 * - Invisible characters (soft hyphen, zero-width space/joiners, word joiner, BOM) that a name
 *   copied from a web page or a Thai word-breaking editor carries without anyone seeing them.
 * - Case, as before: lower-cased with JavaScript's rules (Thai and Chinese have no case).
 *
 * Changing this function changes what is stored: rows written before keep the old form until
 * a new read-model migration refolds them or the read model is rebuilt (see
 * read-model/003-fold-search-text, which refolds rows for the rules above).
 */
export function foldForSearch(text: string): string {
  return text
    .replace(FORGIVEN_MARKS, '')
    .replace(THAI_DIGITS, (digit) => String(digit.charCodeAt(0) - THAI_DIGIT_ZERO))
    .replace(SARA_E_TWICE, SARA_AE)
    .normalize('NFKC')
    .toLowerCase();
}

/** Mai taikhu, the four tone marks, thanthakhat; soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, BOM. */
const FORGIVEN_MARKS = /[\u0e47-\u0e4c\u00ad\u200b-\u200d\u2060\ufeff]/g;
const THAI_DIGIT_ZERO = 0x0e50;
const THAI_DIGITS = /[\u0e50-\u0e59]/g;
const SARA_E_TWICE = /\u0e40\u0e40/g;
const SARA_AE = '\u0e41';
