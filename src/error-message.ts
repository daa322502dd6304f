/** What went wrong, in words, whatever was thrown (an Error, a string, or null from a hostile file's parser). */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
