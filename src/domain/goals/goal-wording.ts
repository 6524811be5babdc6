// Reads a goal's wording: does it describe a result someone could observe, or a wish to learn? And what is it
// about, so the checker's worked example speaks to the member's own topic. These are heuristics over English
// text; they aim to catch the common shapes ("learn growth", "get better at strategy"), not every sentence.

const skillNouns = [
  'communication',
  'communicating',
  'leadership',
  'strategy',
  'strategic thinking',
  'thinking',
  'presence',
  'executive presence',
  'confidence',
  'influence',
  'influencing',
  'public speaking',
  'speaking',
  'storytelling',
  'writing',
  'prioriti[sz]ation',
  'product sense',
  'judg(?:e)?ment',
  'stakeholder management',
  'delegation',
  'negotiation',
  'listening',
  'management',
  'people management',
  'skills?',
  'craft',
  'knowledge',
  'understanding',
  'mindset',
  'emotional intelligence',
  'decision[- ]making',
  'facilitation',
  'empathy',
  'self-awareness',
  'soft skills',
  'hard skills',
].join('|');

const comparative = '(?:better|good|great|stronger|more\\s+\\w+|much\\s+better|really\\s+good)';

const learningWishPatterns: readonly RegExp[] = [
  /\blearn(?:ing)?(?:\s+(?:about|how\s+to|more\s+about|the\s+basics\s+of))?\b/i,
  new RegExp(`\\b(?:get|getting|become|becoming|be|being)\\s+${comparative}\\s+(?:at|in|with)\\b`, 'i'),
  new RegExp(`\\b(?:be|become|becoming|being)\\s+(?:an?\\s+)?${comparative}(?:\\s+[\\w-]+){0,2}`, 'i'),
  /\bunderstand(?:ing)?\b/i,
  /\bmaster(?:ing)?\s+(?!plan\b)/i,
  /\blevel\s+up\b/i,
  /\bup-?skill(?:ing)?\b/i,
  /\bbrush\s+up\b/i,
  /\bstudy(?:ing)?\b/i,
  /\bknow\s+more\b/i,
  /\bgrow\s+(?:as|in)\b/i,
  /\bget\s+(?:more\s+)?(?:comfortable|confident|familiar)\s+with\b/i,
  /\b(?:improve|improving|strengthen|develop|work\s+on|sharpen|hone|polish|deepen|grow|build|boost)\s+(?:my|our)\b/i,
  new RegExp(
    `\\b(?:improve|improving|strengthen|develop|work\\s+on|sharpen|hone|polish|deepen|grow|build|boost)\\s+(?:[\\w-]+\\s+)?(?:${skillNouns})\\b`,
    'i',
  ),
];

/** The words that make the goal a learning wish, or null. */
export const findLearningWish = (text: string): string | null => {
  for (const pattern of learningWishPatterns) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return null;
};

// A standalone number: "10%", "$2M", "3 teams", "200 to 500", "4.5 stars". "v2" and "web3" are names, and
// "1:1" is a meeting, so neither counts as a measure.
const numberPattern = /(?<![\w.])[$€£]?\d+(?:[.,]\d+)*\s*(?:%|x\b|k\b|m\b|pp\b|bps\b)?/i;
const numberWords =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|dozen|double|doubling|triple|tripling|halve|halving|in\s+half|zero)\b/i;

// Results that are observable without a number: something shipped, approved, signed, won, passed or presented.
const deliverablePatterns: readonly RegExp[] = [
  /\b(?:ship|shipped|shipping|launch|launched|launching|release|released|publish|published|roll\s+out|go\s+live)\b/i,
  /\b(?:sign-?off|sign(?:ed)?\s+off|approv(?:e|es|ed|al)|buy-in|green-?light|funded|funding)\b/i,
  /\b(?:hire|hired|hiring|get\s+promoted|be\s+promoted|promotion)\b/i,
  /\b(?:close|closed|win|won|land|landed|secure|secured|sign|signed)\s+(?:a|an|the|our|my|first|new)\b/i,
  /\b(?:pass|passed|complete|completed|finish)\s+(?:the\s+|an?\s+|our\s+)?[\w\s-]{0,30}?(?:audit|certification|exam|migration|rollout)\b/i,
  /\bcertified\b/i,
  /\b(?:migrate|migrated|deprecate|sunset|deliver|delivered)\b/i,
  /\b(?:present|presented|pitch|pitched)\s+(?:[\w-]+\s+){0,5}?(?:to|at)\s+(?:the\s+)?(?:board|exec|execs|executive|leadership|all-hands|company|ceo|cpo|cto|steering|customers?)\b/i,
  /\b(?:give|gave|deliver)\s+(?:a\s+)?(?:talk|keynote|presentation|workshop)\b|\bspeak\s+at\b/i,
  /\brun\s+(?:a|an|the|our|my)?\s*[\w\s-]{0,30}?(?:experiments?|tests?|workshops?|offsites?|pilots?|surveys?|programs?)\b/i,
  /\b(?:write|draft|create|build|produce|publish|design|develop|put\s+together)\s+(?:and\s+\w+\s+)?(?:a|an|the|our|my)\s+(?:[\w-]+\s+){0,4}?(?:doc|document|prd|memo|spec|vision|roadmap|plan|proposal|playbook|dashboard|prototype|model|okrs?|one-pager|narrative|deck|post|article|case\s+study|strategy)\b(?!\s+(?:skills?|thinking|muscle|sense))/i,
  new RegExp(
    `\\b(?:become|get\\s+promoted\\s+to|move\\s+into|step\\s+into|land)\\s+(?:(?:a|an|the)\\s+)?(?!${comparative})(?:[\\w-]+\\s+){0,2}?(?:pm|manager|director|lead|head|vp|cpo|role|job|position|offer)\\b`,
    'i',
  ),
];

/** Whether the wording names a result that can be counted or checked. Strip date phrases before calling. */
export const hasMeasurableResult = (text: string): boolean => {
  const withoutMeetings = text.replace(/\b1:1s?\b|\b1-on-1s?\b/gi, 'one-on-one');
  return (
    numberPattern.test(withoutMeetings) ||
    numberWords.test(withoutMeetings) ||
    deliverablePatterns.some((pattern) => pattern.test(withoutMeetings))
  );
};

export type GoalTopic =
  | 'strategy'
  | 'pricing'
  | 'growth'
  | 'communication'
  | 'influence'
  | 'leadership'
  | 'discovery'
  | 'data'
  | 'execution'
  | 'hiring'
  | 'career'
  | 'confidence'
  | 'technical'
  | 'compliance';

// First match wins, so narrower topics come before the broad ones they overlap with.
const topicPatterns: readonly [GoalTopic, RegExp][] = [
  ['compliance', /\b(?:soc\s?2|iso\s?27001|gdpr|hipaa|compliance|audit|security\s+review)\b/i],
  ['pricing', /\b(?:pric\w*|monetiz\w*|monetis\w*|packaging|billing|revenue|willingness\s+to\s+pay)\b/i],
  ['strategy', /\b(?:strateg\w*|vision|roadmap\w*|long-term|big\s+picture)\b/i],
  [
    'growth',
    /\b(?:growth|activation|retention|churn|onboarding|funnel|acquisition|conversion|experiment\w*|a\/b)\b/i,
  ],
  ['hiring', /\b(?:hir\w*|recruit\w*|interviewing\s+candidates)\b/i],
  ['influence', /\b(?:influenc\w*|stakeholders?|alignment|aligning|buy-in|negotiat\w*|persua\w*)\b/i],
  [
    'communication',
    /\b(?:communicat\w*|present\w*|public\s+speaking|speaking|storytelling|presence|writing|written)\b/i,
  ],
  ['confidence', /\b(?:confiden\w*|impost[oe]r|self-doubt|stress\w*|burn-?out|anxi\w*|inner\s+critic)\b/i],
  ['leadership', /\b(?:lead\w*|manag\w*|delegat\w*|team|reports|people)\b/i],
  ['discovery', /\b(?:discovery|research|customers?|users?|interviews?|product\s+sense|ux|design)\b/i],
  ['data', /\b(?:data|analytics|sql|metrics?|dashboards?|instrumentation)\b/i],
  ['technical', /\b(?:technical|ai|ml|machine\s+learning|llms?|platform|apis?|architecture|engineering)\b/i],
  ['career', /\b(?:career|promot\w*|senior|group\s+pm|director|next\s+role|job)\b/i],
  ['execution', /\b(?:execut\w*|deliver\w*|shipping|deadlines?|process|planning|prioriti\w*|agile)\b/i],
];

export const detectTopic = (text: string): GoalTopic | null =>
  topicPatterns.find(([, pattern]) => pattern.test(text))?.[0] ?? null;

// Worked examples: one observable action, one measurable result, one date. Each is a goal the checker passes.
const topicExamples: Readonly<Record<GoalTopic, (by: string) => string>> = {
  strategy: (by) => `Write and get approval for a 3-year product vision that aligns three teams by ${by}`,
  pricing: (by) => `Run two pricing experiments and raise paid conversion from 3% to 4% by ${by}`,
  growth: (by) => `Ship enough experiments to lift activation by 10% by ${by}`,
  communication: (by) =>
    `Present the quarterly product review to the leadership team and have three attendees rate its clarity 8/10 or higher by ${by}`,
  influence: (by) =>
    `Get sign-off from the engineering, design and sales leads on one shared roadmap by ${by}`,
  leadership: (by) =>
    `Hand two recurring decisions over to my team leads and raise the team's engagement score from 6 to 8 by ${by}`,
  discovery: (by) => `Interview 12 customers and ship one change their answers justified by ${by}`,
  data: (by) =>
    `Build the activation dashboard and answer five product questions with it without analyst help by ${by}`,
  execution: (by) =>
    `Cut the time from approved spec to release from six weeks to four over two releases by ${by}`,
  hiring: (by) => `Hire two senior PMs through a structured interview loop the whole team trusts by ${by}`,
  career: (by) =>
    `Lead one cross-team launch end to end and present the case for promotion to group PM by ${by}`,
  confidence: (by) =>
    `Speak first in at least one leadership meeting a week and rate my confidence there 7/10 or higher by ${by}`,
  compliance: (by) =>
    `Pass the SOC 2 Type I audit with no major findings and close three enterprise deals that needed it by ${by}`,
  technical: (by) => `Ship one AI-assisted feature to production and reach 1,000 weekly users by ${by}`,
};

/** A goal that passes the checker, on the member's topic when it can tell, with `by` as its date. */
export const exampleGoal = (text: string, by: string): string => {
  const topic = detectTopic(text) ?? 'growth';
  return topicExamples[topic](by);
};
