export type CircleBack = { advice: string; appliedTo: string; result: string };

const clean = (value: string, placeholder: string): string => {
  const trimmed = value.trim().replace(/[\s.!?,;:]+$/u, '');
  return trimmed === '' ? placeholder : trimmed;
};

/**
 * The note that keeps an expert engaged: their advice, where it was used, what came of it, and thanks.
 * Blank parts stay visible as bracketed gaps, so the member sees what is still missing.
 */
export const composeCircleBack = ({ advice, appliedTo, result }: CircleBack): string =>
  `A quick update: I put your advice on ${clean(advice, '[the advice]')} to work on ${clean(appliedTo, '[where you used it]')}, and saw ${clean(result, '[what happened]')}. Thank you — it made a real difference.`;
