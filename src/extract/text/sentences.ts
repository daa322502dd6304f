import nlp from 'compromise';

/** A block's sentences, as compromise splits them (it knows "Mr." and "Rt Hon." are not ends). */
export function sentencesOf(text: string): string[] {
  return nlp(text)
    .sentences()
    .out('array')
    .map((s: string) => s.trim())
    .filter(Boolean);
}
