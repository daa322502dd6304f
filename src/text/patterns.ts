/**
 * Phrases as one regular-expression alternation: escaped, longest first (so "Chief Executive
 * Officer" wins over "Chief Executive"), a space matching any white space.
 */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Where any of the phrases stands as whole words, in either case: a lexicon kept as data, compiled once. */
export function phrasePattern(phrases: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${alternation(phrases)})\\b`, 'i');
}
