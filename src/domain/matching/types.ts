// The solver works on dense indices and typed arrays so that large cohorts cost no per-pair objects;
// problem-file.ts and solve-problem.ts translate to and from the id-based public format (PRODUCT.md §5).

/** Allowed pairs (edges) of a capacitated bipartite matching problem. Missing pairs are hard exclusions. */
export type MatchingInput = {
  menteeCount: number;
  mentorCount: number;
  /** Per mentor: how many mentees it may take (a non-negative integer). */
  capacity: Int32Array;
  /** Per edge: mentee index, mentor index and fit score (any finite number, higher is better). */
  edgeMentee: Int32Array;
  edgeMentor: Int32Array;
  edgeScore: Float64Array;
};

/** A mentee–mentor pair by index. */
export type IndexPair = readonly [mentee: number, mentor: number];

/** Manual decisions of a program admin: pinned pairs are always in the solution, blocked pairs never. */
export type MatchingConstraints = {
  pinned?: readonly IndexPair[];
  blocked?: readonly IndexPair[];
};

/**
 * Dual prices in maximisation form. Every value is a lexicographic pair (cardinality part, score part)
 * because the objective is lexicographic: first the number of matched mentees, then the total score.
 * Feasibility: menteeValue ≥ 0, mentorPrice ≥ 0 and, for every allowed pair,
 * menteeValue + mentorPrice ≥ (1, score).
 */
export type MatchingDuals = {
  menteeValueCount: Int32Array;
  menteeValueScore: Float64Array;
  mentorPriceCount: Int32Array;
  mentorPriceScore: Float64Array;
};

export type MatchingSolution = {
  /** Per mentee: the chosen mentor index, or -1 when unmatched. */
  menteeMentor: Int32Array;
  /** Per mentee: the index of the chosen edge in the input, or -1 when unmatched. */
  menteeEdge: Int32Array;
  /** Per mentee: 1 when the pair was pinned rather than chosen by the optimiser. */
  menteePinned: Uint8Array;
  matched: number;
  /** Sum of the scores of the chosen pairs (pinned pairs included). */
  objective: number;
  /** Prices of the problem left after pins and blocks; they prove that solution optimal. */
  duals: MatchingDuals;
};

/** A lexicographic value: the cardinality part dominates, the score part breaks ties. */
export type LexValue = { count: number; score: number };
