import nlp from 'compromise';
import { memoize } from './memo.js';

/**
 * compromise's own sentence splitter, without the tokenizer around it: nlp.tokenize(text).sentences()
 * gives the same sentences (checked on every paragraph of the embedded corpus's posts) at forty times the cost.
 */
const splitSentences = (
  nlp.methods() as { one: { tokenize: { splitSentences: (text: string, world: unknown) => string[] } } }
).one.tokenize.splitSentences;
const world = nlp.world();

/**
 * A block's sentences, as compromise splits them (it knows "Mr." and "Rt Hon." are not ends).
 * Several extractors split the same blocks, so splits are remembered a while.
 */
export const sentencesOf = memoize(
  (text: string): string[] =>
    splitSentences(text, world)
      .map((s) => s.trim())
      .filter(Boolean),
  2000,
);
