import { activitiesWords } from '../activities/activities.words';
import { agreementsWords } from '../agreements/agreements.words';
import { followUpsWords } from '../follow-ups/follow-ups.words';
import { historyWords } from '../history/history.words';
import { homeWords } from '../home/home.words';
import { organizationsWords } from '../organizations/organizations.words';
import { programsWords } from '../programs/programs.words';
import { searchWords } from '../search/search.words';
import { en } from './en';
import { th } from './th';

// Each feature's words under its own key. Adding a feature: one line here.
const features = {
  programs: programsWords,
  organizations: organizationsWords,
  followUps: followUpsWords,
  home: homeWords,
  search: searchWords,
  activities: activitiesWords,
  history: historyWords,
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
