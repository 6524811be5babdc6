// Carry-over of open questions (PRODUCT.md §2.8a): a question one person asked in the relationship's
// message thread that the other has not answered since is brought to the next session's agenda, so
// it is discussed instead of forgotten. "Answered" is read simply: the other person wrote afterwards.

export type ThreadMessage = { id: string; authorId: string; body: string; createdAt: Date };
export type OpenQuestion = { id: string; authorId: string; text: string };

const MAX_QUESTION_CHARS = 200;

/** The question sentences of a message ("…?"), joined; null when it asks nothing. */
export function questionsIn(body: string): string | null {
  const sentences = body
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\?["')\]]*$/.test(sentence) && /[\p{L}\p{N}]/u.test(sentence));
  if (sentences.length === 0) return null;
  const text = sentences.join(' ');
  return text.length <= MAX_QUESTION_CHARS ? text : `${text.slice(0, MAX_QUESTION_CHARS - 1).trimEnd()}…`;
}

/**
 * Questions asked in the window [since, until) with no later message from someone else before `until`.
 * Messages may come in any order; the result follows the order they were written.
 */
export function unansweredQuestions(
  messages: readonly ThreadMessage[],
  window: { since: Date | null; until: Date },
): OpenQuestion[] {
  const inWindow = messages
    .filter((m) => m.createdAt < window.until && (window.since === null || m.createdAt >= window.since))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const open: OpenQuestion[] = [];
  inWindow.forEach((message, index) => {
    const text = questionsIn(message.body);
    if (text === null) return;
    const answered = inWindow.slice(index + 1).some((later) => later.authorId !== message.authorId);
    if (!answered) open.push({ id: message.id, authorId: message.authorId, text });
  });
  return open;
}
