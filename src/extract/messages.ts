/**
 * What extraction noticed but could not use, in the manner of unified's vfile messages: each
 * extractor reports through its context, and the messages are kept with the document, so a
 * missing finding can be explained ("quote without attribution left out") rather than guessed at.
 */
import type { ExtractionMessage } from '../findings.js';

export type { ExtractionMessage };

/** How many messages one rule may leave on one document; a long report repeats itself. */
const MAX_PER_RULE = 25;

export class MessageLog {
  readonly messages: ExtractionMessage[] = [];
  private readonly counts = new Map<string, number>();

  message(rule: string, text: string, page: number | null = null): void {
    const count = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, count);
    if (count <= MAX_PER_RULE) this.messages.push({ page, rule, text });
    else if (count === MAX_PER_RULE + 1)
      this.messages.push({
        page: null,
        rule,
        text: `further messages of this rule left out (more than ${MAX_PER_RULE})`,
      });
  }
}
