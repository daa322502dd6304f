/** Bullets that open a list item wherever they stand. */
export const BULLET = /^[•·▪■◦●○‣⁃\-–—*](?:\s|$)/;
/** Numbering: 1., 1), (a), (iv), a). In PDFs "50." may also be a number wrapped onto a new line. */
export const NUMBERING = /^\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)](?:\s|$)/i;

export function opensListItem(text: string): boolean {
  return BULLET.test(text) || NUMBERING.test(text);
}

/** An item's words without the bullet or number that opens it. */
export function withoutListMarker(text: string): string {
  const marker = BULLET.exec(text) ?? NUMBERING.exec(text);
  return marker ? text.slice(marker[0].length).trimStart() : text;
}
