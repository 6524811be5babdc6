// Method numbers for the smallest ask (PRODUCT.md §2.3).

/** A first ask to an expert must be answerable in under two minutes. */
export const ASK_MAX_SECONDS_TO_ANSWER = 120;
/** One question per ask: each extra one makes a quick reply less likely. */
export const ASK_MAX_QUESTIONS = 1;
/** Beyond this many words a first ask is too long to read on a phone between meetings. */
export const ASK_MAX_WORDS = 80;
/** Average silent reading speed, used to estimate the time an ask costs its reader. */
export const READING_WORDS_PER_MINUTE = 230;
/** Time to think about and type a one-line answer to one specific question. */
export const ANSWER_SECONDS_PER_QUESTION = 45;
/** A broad question ("how do I get better at product?") takes minutes to answer well. */
export const VAGUE_QUESTION_EXTRA_SECONDS = 180;
/** A coffee or call costs at least half an hour once travel and switching are counted. */
export const MEETING_REQUEST_SECONDS = 30 * 60;
/** Becoming someone's mentor is open-ended; we count at least an hour to even consider it. */
export const MENTOR_REQUEST_SECONDS = 60 * 60;
/** An ask reads as "about me" with at least this many first-person words ... */
export const ABOUT_ME_MIN_FIRST_PERSON_WORDS = 5;
/** ... and more than this many for every word about the reader. */
export const ABOUT_ME_RATIO = 2;
/** Words of the recorded hook shorter than this are too common to show the ask mentions it. */
export const HOOK_MIN_WORD_LENGTH = 4;
/** Once the expert has seen their advice used, the next step up is a call this long. */
export const OUTREACH_ESCALATION_CALL_MINUTES = 15;
