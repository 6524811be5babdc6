// Small helpers for the Markdown rendering, so every section quotes and dates text the same way.

/** Text a person wrote, as a block quote that keeps its paragraphs. */
export const quote = (text: string): string =>
  text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');

/** The calendar day of an instant (UTC), as in the JSON. */
export const day = (instant: string): string => instant.slice(0, 10);

/** One line for a table cell: no pipes or line breaks. */
export const cell = (text: string): string => text.replaceAll('|', '/').replaceAll(/\s*\n\s*/g, ' ');
