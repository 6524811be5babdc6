import { z } from 'zod';
import { readinessAnswersSchema } from '../../../domain/readiness/readiness-answers';
import { recommendHelp } from '../../../domain/readiness/recommend-help';
import { takeReadinessCheck } from '../../readiness/readiness-results';
import { defineTool } from '../tool';

// An assistant may try answers out loud; only an explicit save records a result in Corner.
export const checkReadinessTool = defineTool({
  name: 'check_readiness',
  title: 'Readiness check: what kind of help fits',
  description:
    'Recommends mentor, coach, advisor, peer group, self-coaching or professional support from the readiness answers, with the reasons. Not saved unless save is true. The questions are in the corner://playbooks/readiness resource.',
  inputSchema: z.object({ answers: readinessAnswersSchema, save: z.boolean().default(false) }),
  readOnly: false,
  run: async ({ db, actor, now }, input) =>
    input.save
      ? { saved: true, ...(await takeReadinessCheck(db, actor, input.answers, now)) }
      : { saved: false, ...recommendHelp(input.answers) },
});
