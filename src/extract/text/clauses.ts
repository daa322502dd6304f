import nlp from 'compromise';
import { memoize } from './memo.js';

/** Someone, then what they do or are: "We are overwhelmed", "Nobody listens", "It's chaos" (compromise). */
const SUBJECT_AND_VERB = '(#Noun|#Pronoun) #Adverb? (#Verb|#Copula)';

/**
 * Whether a few words make a clause of their own, with a subject and a verb, rather than a phrase
 * ("played for a fool", "utter incompetence", "stop-gap, sticking-plaster approaches").
 */
export const isClause = memoize((text: string): boolean => {
  const match = nlp(text).match(SUBJECT_AND_VERB);
  // compromise reads a hyphenated compound or a gerund as a verb: "sticking-plaster approaches".
  return match.found && !match.has('#Hyphenated') && !match.has('#Gerund');
});
