// Before/after 360: the same givers asked the same questions at the start and near the end of a
// relationship. Pure: the caller loads the requests and their answers.

export type Round360 = 'before' | 'after';

export type Answer360 = {
  question: string;
  scale: boolean;
  round: Round360;
  // null while the giver has not answered.
  rating: number | null;
  text: string | null;
};

export type RoundSummary = { asked: number; answered: number; mean: number | null; texts: string[] };

export type QuestionChange = {
  question: string;
  scale: boolean;
  before: RoundSummary;
  after: RoundSummary;
  // after mean − before mean, for a scale question answered in both rounds; otherwise null.
  difference: number | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (values: number[]) =>
  values.length === 0 ? null : round2(values.reduce((sum, v) => sum + v, 0) / values.length);

// Questions are matched on their text (the after copies it), ignoring case and outer spaces, so a
// question asked of four givers is one row.
const keyOf = (question: string) => question.trim().toLowerCase();

function summarise(answers: Answer360[]): RoundSummary {
  const answered = answers.filter((a) => a.text !== null || a.rating !== null);
  const ratings = answered.flatMap((a) => (a.scale && a.rating !== null ? [a.rating] : []));
  return {
    asked: answers.length,
    answered: answered.length,
    mean: mean(ratings),
    texts: answered.flatMap((a) => (a.text ? [a.text] : [])),
  };
}

export function changePerQuestion(answers: Answer360[]): QuestionChange[] {
  const groups = new Map<string, Answer360[]>();
  for (const answer of answers) {
    const key = keyOf(answer.question);
    groups.set(key, [...(groups.get(key) ?? []), answer]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Answer360;
    const scale = group.some((a) => a.scale);
    const before = summarise(group.filter((a) => a.round === 'before'));
    const after = summarise(group.filter((a) => a.round === 'after'));
    const difference =
      scale && before.mean !== null && after.mean !== null ? round2(after.mean - before.mean) : null;
    return { question: first.question.trim(), scale, before, after, difference };
  });
}

/** One member's overall change: the mean difference over scale questions answered in both rounds. */
export function overallChange(changes: QuestionChange[]): number | null {
  return mean(changes.flatMap((c) => (c.difference === null ? [] : [c.difference])));
}
