import nlp from 'compromise';

/** Several extractors split the same blocks; compromise is the slow part, so splits are kept a while. */
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 2000;

/** A block's sentences, as compromise splits them (it knows "Mr." and "Rt Hon." are not ends). */
export function sentencesOf(text: string): string[] {
  const cached = cache.get(text);
  if (cached) return cached;
  // tokenize, not the full tagger: splitting needs no parts of speech, and is ten times faster.
  const sentences = nlp.tokenize(text)
    .sentences()
    .out('array')
    .map((s: string) => s.trim())
    .filter(Boolean);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, sentences);
  return sentences;
}
