import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export type Vector = Map<string, number>;

/**
 * TF-IDF vectors of stemmed words (natural's Porter stemmer, stop words dropped), with smoothed
 * idf so a word in every text still counts a little. Cosine over these is what "the same
 * recommendation again" is measured by.
 */
export function tfidfVectors(texts: string[]): Vector[] {
  const bags = texts.map((text) => {
    const bag = new Map<string, number>();
    for (const term of PorterStemmer.tokenizeAndStem(text))
      if (!/^\d+$/.test(term)) bag.set(term, (bag.get(term) ?? 0) + 1);
    return bag;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = bags.length;
  return bags.map((bag) => {
    const vector: Vector = new Map();
    for (const [term, tf] of bag) vector.set(term, tf * (Math.log((1 + n) / (1 + df.get(term)!)) + 1));
    return vector;
  });
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0));
  const denominator = norm(a) * norm(b);
  return denominator ? dot / denominator : 0;
}
