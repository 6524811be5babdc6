export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; href: string };

// Web addresses only (http and https): anything else, javascript: included, stays plain text.
const ADDRESS = /https?:\/\/[^\s<>"']+/g;
// A sentence's full stop or a closing bracket after an address belongs to the sentence, not the link.
const TRAILING = /[.,;:!?)\]]+$/;

/** A mail's plain text in pieces, its web addresses marked, so the HTML part and the outbox page can
 * make them real links without ever treating the rest as markup. */
export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const start = match.index ?? 0;
    const href = match[0].replace(TRAILING, '');
    if (start > at) pieces.push({ kind: 'text', text: text.slice(at, start) });
    pieces.push({ kind: 'link', href });
    at = start + href.length;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}
