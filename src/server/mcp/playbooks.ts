import { goalPatterns } from '../../domain/goals/goal-patterns';
import { selfCoachingPrompts } from '../../domain/journal/prompts';
import { readinessQuestions } from '../../domain/readiness/readiness-questions';
import {
  ASK_MAX_QUESTIONS,
  ASK_MAX_SECONDS_TO_ANSWER,
  OUTREACH_ESCALATION_CALL_MINUTES,
} from '../../domain/settings/asks';
import { FEEDBACK_MAX_QUESTIONS } from '../../domain/settings/feedback';
import {
  GOAL_HORIZON_MAX_MONTHS,
  GOAL_HORIZON_MIN_MONTHS,
  GOAL_SWEET_SPOT_MAX_MONTHS,
  GOAL_SWEET_SPOT_MIN_MONTHS,
} from '../../domain/settings/goals';
import { FEEDBACK_LINK_DAYS } from '../../domain/settings/growth-tools';

export type Playbook = { slug: string; title: string; description: string; markdown: string };

// The method as an assistant should read it: our own words, with the numbers taken from the same
// settings the product enforces, so the playbook and the checkers never disagree.
export const playbooks: Playbook[] = [
  {
    slug: 'readiness',
    title: 'Which kind of help fits',
    description: 'Mentor, coach, advisor, peer group, self-coaching or professional support: how to tell.',
    markdown: `# Which kind of help fits

Different problems need different help. Decide before looking for a person.

- **Mentor**: you are new to an area and want the playbook from someone who has done it; you want direct advice and examples.
- **Coach**: you already know the frameworks, yet you are stuck; the challenge is who you are in the situation more than what you know. Transitions (a new level, a new kind of company) where the old approach stops working are classic coaching moments.
- **Advisor**: one narrow, expert question.
- **Peer group**: people at the same stage, learning side by side.
- **Self-coaching**: no access to a coach yet; use structured questions on your own (see the coaching-questions playbook).
- **Professional support**: if what weighs on you is your health or wellbeing, a therapist or doctor is the right first step, before any of the above.

Every recommendation comes with the answers that led to it. Run the check with the \`check_readiness\` tool; it saves nothing unless asked.

## The questions

${readinessQuestions.map((q) => `- \`${q.id}\` (${q.kind}${q.options ? `: ${q.options.map((o) => o.value).join(' / ')}` : q.kind === 'scale' ? ': 1–5' : ': true / false'}): ${q.prompt}`).join('\n')}
`,
  },
  {
    slug: 'goals',
    title: 'Setting a goal that proves mastery',
    description: 'Concrete outcomes with a measurable result and a date, signs of progress, IQ and EQ goals.',
    markdown: `# Setting a goal that proves mastery

A good goal is an outcome you could show someone, with a number and a date: about ${GOAL_SWEET_SPOT_MIN_MONTHS}–${GOAL_SWEET_SPOT_MAX_MONTHS} months out, never under ${GOAL_HORIZON_MIN_MONTHS} or over ${GOAL_HORIZON_MAX_MONTHS}. "Learn growth" is a wish; "ship enough experiments to lift activation by 10% by June 30" is a goal.

- **IQ goals** (execution, strategy, product sense) are learned from artifacts and frameworks in months: collect gold-standard examples and write your own against their questions.
- **EQ goals** (communication, leadership, influence) are slow muscle-building and need outside mirrors: ask specific people about specific moments.
- **Inner work** (values, the inner critic, limiting beliefs) belongs with a coach.

Choose your own **signs of progress** (what you would notice if it were working) and rate them 1–10 in regular check-ins.

Ways to start in a first session:

${goalPatterns.map((p) => `- **${p.title}**: ${p.description}`).join('\n')}

Check wording with the \`check_goal\` tool.
`,
  },
  {
    slug: 'smallest-ask',
    title: 'The smallest ask',
    description: 'Reaching experts you do not know with a question they can answer in two minutes.',
    markdown: `# The smallest ask

Experts say no to "can we grab coffee" and "will you be my mentor" because those cost an hour and an open-ended commitment. They say yes to something small and specific.

1. Pick someone with proven results who can explain how they work.
2. Find your hook: a talk, article or framework of theirs you actually used.
3. Ask ${ASK_MAX_QUESTIONS} concrete question that can be answered in under ${ASK_MAX_SECONDS_TO_ANSWER / 60} minutes.
4. Apply the answer. Then circle back: "I applied X to Y and saw Z. Thank you."
5. Only after that, ask for a ${OUTREACH_ESCALATION_CALL_MINUTES}-minute call; later, recurring office hours.
6. Look for something to offer back.

Check a draft with the \`check_ask\` tool.
`,
  },
  {
    slug: 'mirror-method',
    title: 'Mirror feedback',
    description: 'Seeing how you come across: one question, one moment, one person; then thanks.',
    markdown: `# Mirror feedback

You cannot see how you come across; other people can. Ask them, in a way that makes an honest answer easy.

- Ask ${FEEDBACK_MAX_QUESTIONS} question about **one real, recent moment** the person saw.
- Ask about the **impression**, not the facts: "In Thursday's review, did I come across as open to challenge, or defensive?"
- Offer two real possibilities rather than fishing for praise; never lead ("I was clear, right?").
- Corner sends the question through a private link that works once and closes after ${FEEDBACK_LINK_DAYS} days; the giver needs no account.
- When the answer arrives, **thank them**, whatever it says. Do not explain or defend. Someone thanked will tell you the truth again.
- Map what you learn: each strength, and how it looks when overdone (the shadow side).

Check a question with the \`check_feedback_question\` tool.
`,
  },
  {
    slug: 'coaching-questions',
    title: 'Coaching questions',
    description: 'Questions to coach yourself with between sessions, each with a deeper follow-up.',
    markdown: `# Coaching questions

A coach mostly asks; the answers are yours. When something stirs you up, take one question, write freely, then go one level deeper.

${selfCoachingPrompts.map((p) => `- **${p.text}**\n  Deeper: ${p.deeper}`).join('\n')}

Bring what you notice to your next session.
`,
  },
];
