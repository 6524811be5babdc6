import type { ImportedRelationship } from '../../api/imported-history-queries';

/** "you", or the other person by name, for one side of an imported relationship. */
export const whoIs = (rel: ImportedRelationship, side: 'member' | 'guide') =>
  side === rel.myRole ? 'you' : (rel.counterpart ?? `the ${side}`);
