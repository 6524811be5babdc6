import { splitLinks } from '../../domain/mail/split-links';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML part of a mail written as plain text: escaped, paragraphs kept, web addresses as links
 * (mail clients do not all make plain-text addresses clickable, and an invitation is only its link). */
export function htmlFromText(text: string): string {
  const body = text
    .split(/\n{2,}/)
    .map((paragraph) => {
      const inner = splitLinks(paragraph)
        .map((piece) =>
          piece.kind === 'link'
            ? `<a href="${escapeHtml(piece.href)}">${escapeHtml(piece.href)}</a>`
            : escapeHtml(piece.text),
        )
        .join('')
        .replace(/\n/g, '<br>\n');
      return `<p>${inner}</p>`;
    })
    .join('\n');
  return `<!doctype html>\n<html><body style="font-family: sans-serif; line-height: 1.5">\n${body}\n</body></html>\n`;
}
