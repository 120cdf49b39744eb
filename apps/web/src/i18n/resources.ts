import { agreementsWords } from '../agreements/agreements.words';
import { organizationsWords } from '../organizations/organizations.words';
import { programsWords } from '../programs/programs.words';
import { en } from './en';
import { th } from './th';

// Each feature's words under its own key. Adding a feature: one line here.
const features = {
  programs: programsWords,
  organizations: organizationsWords,
  agreements: agreementsWords,
};

type FeatureWords<L extends 'en' | 'th'> = { [K in keyof typeof features]: (typeof features)[K][L] };
const wordsIn = <L extends 'en' | 'th'>(language: L) =>
  Object.fromEntries(Object.entries(features).map(([key, words]) => [key, words[language]])) as FeatureWords<L>;

export const resources = {
  en: { translation: { ...en, ...wordsIn('en') } },
  th: { translation: { ...th, ...wordsIn('th') } },
};

export type Words = (typeof resources)['en']['translation'];
