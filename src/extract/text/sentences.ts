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

/** A quotation inside a sentence: from its first opening mark to its last closing mark. */
const QUOTATION = /[“"]([^]*)[”"]/;
/** Who spoke, set after the quotation in brackets or after a dash. */
const LABEL_AFTER = /^[”"]\s*(?:\(|[–—]\s*\S)/;

/**
 * A block's sentences as printed: compromise keeps a quotation of several sentences whole ("“We rated four
 * ‘Inadequate’. Two scored one point.”"), so each sentence inside it is split out, with the words before the
 * quotation on the first and the words after it on the last; testimony labelled after it stays whole.
 */
export const printedSentences = memoize(
  (text: string): string[] =>
    sentencesOf(text).flatMap((sentence) => {
      const quotation = QUOTATION.exec(sentence);
      const closing = quotation ? sentence.slice(quotation.index + quotation[0].length - 1) : '';
      // Testimony labelled after its quotation ("“…” (PSO, CRC)") is one unit: the label is every sentence's.
      const inner = quotation && !LABEL_AFTER.test(closing) ? sentencesOf(quotation[1]!) : [];
      if (inner.length < 2) return [sentence];
      const opening = sentence.slice(0, quotation!.index + 1);
      return inner.map((s, i) => `${i === 0 ? opening : ''}${s}${i === inner.length - 1 ? closing : ''}`);
    }),
  2000,
);
