import * as chrono from 'chrono-node';
import { Temporal } from 'temporal-polyfill';

// Finds the deadline written into a goal's title ("by June 30", "within six months", "in Q3", "by EOY").
// chrono-node reads most phrasings; quarters, halves and year ends it does not know, so those are matched here
// first and win where both overlap. Quarters and halves are calendar ones: a fiscal calendar is unknowable here.

export type DateMention = {
  /** The words in the title that name the date. */
  text: string;
  /** Where they start in the title. */
  index: number;
  /** The date they resolve to, as ISO yyyy-mm-dd. */
  date: string;
};

type Span = { text: string; index: number; date: Temporal.PlainDate };

const endOfMonth = (year: number, month: number) =>
  Temporal.PlainDate.from({ year, month, day: 1 }).with({ day: 31 });
const endOfQuarter = (year: number, quarter: number) => endOfMonth(year, quarter * 3);
const quarterOf = (date: Temporal.PlainDate) => Math.ceil(date.month / 3);
const fullYear = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

// Without a year, "Q3" means the next Q3 that has not ended yet.
const nextEnding = (today: Temporal.PlainDate, end: (year: number) => Temporal.PlainDate) =>
  Temporal.PlainDate.compare(end(today.year), today) >= 0 ? end(today.year) : end(today.year + 1);

// "Q3 2026", "Q3 '26", "Q3 FY26". A bare two-digit number after a quarter is more likely a count ("in Q3 20
// new logos") than a year, so it needs the apostrophe or "FY".
const yearSuffix = "(?:\\s+(20\\d{2})|\\s*'(\\d{2})|\\s*fy\\s*'?(\\d{4}|\\d{2}))?";
const yearOf = (m: RegExpExecArray): number | null => {
  const digits = m[2] ?? m[3] ?? m[4];
  return digits ? fullYear(digits) : null;
};

type CustomPattern = {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, today: Temporal.PlainDate) => Temporal.PlainDate;
};

const customPatterns: readonly CustomPattern[] = [
  {
    pattern: new RegExp(`\\b(?:(?:the\\s+)?end\\s+of\\s+)?q([1-4])${yearSuffix}\\b`, 'gi'),
    resolve: (m, today) => {
      const quarter = Number(m[1]);
      const year = yearOf(m);
      return year ? endOfQuarter(year, quarter) : nextEnding(today, (y) => endOfQuarter(y, quarter));
    },
  },
  {
    pattern: new RegExp(`\\b(?:(?:the\\s+)?end\\s+of\\s+)?h([12])${yearSuffix}\\b`, 'gi'),
    resolve: (m, today) => {
      const half = Number(m[1]);
      const year = yearOf(m);
      return year ? endOfMonth(year, half * 6) : nextEnding(today, (y) => endOfMonth(y, half * 6));
    },
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+)?(?:the\s+)?(this|next|current)\s+quarter\b|\beoq\b/gi,
    resolve: (m, today) => {
      const current = endOfQuarter(today.year, quarterOf(today));
      return m[1]?.toLowerCase() === 'next' ? current.add({ months: 3 }).with({ day: 31 }) : current;
    },
  },
  {
    pattern: /\b(?:the\s+)?end\s+of\s+next\s+year\b/gi,
    resolve: (_m, today) => endOfMonth(today.year + 1, 12),
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|year[-\s]?end|this\s+year)\b/gi,
    resolve: (_m, today) => endOfMonth(today.year, 12),
  },
  {
    pattern: /\b(?:the\s+)?end\s+of\s+(20\d{2})\b/gi,
    resolve: (m) => endOfMonth(Number(m[1]), 12),
  },
  {
    // chrono leaves "May" alone unless a day or year follows, since it is also a verb.
    pattern: /\b(by|before|until|till|mid-?|early|late|end\s+of)\s*may\b(?!\s*\d)/gi,
    resolve: (m, today) => {
      const word = m[1]?.toLowerCase() ?? '';
      const day = word === 'before' || word === 'early' ? 1 : word.startsWith('mid') ? 15 : 31;
      const inYear = (year: number) => Temporal.PlainDate.from({ year, month: 5, day });
      return nextEnding(today, inYear);
    },
  },
  {
    pattern: /\b(by|in|during|before)\s+(20\d{2})\b(?![/.-]\d)/gi,
    resolve: (m) => endOfMonth(Number(m[2]) - (m[1]?.toLowerCase() === 'before' ? 1 : 0), 12),
  },
];

const findCustom = (title: string, today: Temporal.PlainDate): Span[] =>
  customPatterns.flatMap(({ pattern, resolve }) =>
    [...title.matchAll(pattern)].map((match) => ({
      text: match[0],
      index: match.index,
      date: resolve(match, today),
    })),
  );

const countWord =
  '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple(?:\\s+of)?)';
const durationText = new RegExp(`^${countWord}\\s+(?:day|week|month|quarter|year)s?$`, 'i');
const relativeText = new RegExp(
  `^(?:in|within|after|over)\\b|\\b(?:next|coming)\\s+${countWord}\\b|\\b${countWord}\\s+(?:day|week|month|year)s?\\b`,
  'i',
);
const relativeBefore = /\b(?:within|over|in|during)\s+the\s*$/i;
const startOfPeriodBefore = /\b(?:before|early|beginning\s+of|start\s+of)\s*(?:the\s+)?$/i;
const midPeriodBefore = /\bmid-?\s*$/i;

// Reads one chrono result as a deadline, or rejects it: times of day and bare durations ("3 experiments a
// week", "from 7 days to 2 days") are quantities in a goal, not its date.
const readChrono = (result: chrono.ParsedResult, title: string): Span | null => {
  // A range ("a week until June 30", "from March to June") is due when it ends.
  const start = result.end ?? result.start;
  if (start.isCertain('hour') || start.isCertain('minute')) return null;
  const certain = ['day', 'month', 'year', 'weekday'] as const;
  if (!certain.some((component) => start.isCertain(component))) return null;
  const before = title.slice(Math.max(0, result.index - 14), result.index);
  if (durationText.test(result.text.trim()) && !/\bby\s*$/i.test(before)) return null;

  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  const date = Temporal.PlainDate.from({ year, month, day });
  const relative = relativeText.test(result.text) || relativeBefore.test(before);
  if (relative || start.isCertain('day') || start.isCertain('weekday')) {
    return { text: result.text, index: result.index, date };
  }
  // Only a month or a year was named: "by March" means by the end of March, unless the words around it say
  // otherwise ("before March", "mid-March").
  if (start.isCertain('month')) {
    const resolved = startOfPeriodBefore.test(before)
      ? date.with({ day: 1 })
      : midPeriodBefore.test(before)
        ? date.with({ day: 15 })
        : endOfMonth(date.year, date.month);
    return { text: result.text, index: result.index, date: resolved };
  }
  return { text: result.text, index: result.index, date: endOfMonth(date.year, 12) };
};

const overlaps = (a: { index: number; text: string }, b: { index: number; text: string }) =>
  a.index < b.index + b.text.length && b.index < a.index + a.text.length;

const referenceFor = (today: Temporal.PlainDate): chrono.ParsingReference => ({
  instant: new Date(today.toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' }).epochMilliseconds),
  timezone: 0,
});

/** Every date the title names, in the order they appear. `today` anchors relative phrases. */
export const findDateMentions = (title: string, today: string): DateMention[] => {
  const anchor = Temporal.PlainDate.from(today);
  const custom = findCustom(title, anchor);
  const fromChrono = chrono
    .parse(title, referenceFor(anchor), { forwardDate: true })
    .map((result) => readChrono(result, title))
    .filter((span): span is Span => span !== null && !custom.some((c) => overlaps(c, span)));
  return [...custom, ...fromChrono]
    .filter((span, i, all) => !all.some((other, j) => j < i && overlaps(other, span)))
    .sort((a, b) => a.index - b.index)
    .map((span) => ({ text: span.text, index: span.index, date: span.date.toString() }));
};

/** The title's deadline: the last date it names, since goals tend to end with their "by when". */
export const findDeadline = (title: string, today: string): DateMention | null =>
  findDateMentions(title, today).at(-1) ?? null;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "June 30", or "June 30, 2026" when the year differs from today's: dates the way people write deadlines. */
export const formatDeadline = (date: string, today: string): string => {
  const day = Temporal.PlainDate.from(date);
  const name = monthNames[day.month - 1] ?? String(day.month);
  return day.year === Temporal.PlainDate.from(today).year
    ? `${name} ${day.day}`
    : `${name} ${day.day}, ${day.year}`;
};
