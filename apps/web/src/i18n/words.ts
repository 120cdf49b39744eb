/**
 * A feature's words in both languages, kept beside its screens (`programs/programs.words.ts`);
 * the compiler checks that the Thai has every key the English has. i18n/resources.ts puts each
 * feature's words under its own key: t('programs.title').
 */
export function defineWords<T>(words: { en: T; th: NoInfer<T> }): { en: T; th: T } {
  return words;
}
