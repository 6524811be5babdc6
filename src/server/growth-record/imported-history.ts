import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { actionsSection } from './sections/actions';
import { decisionsSection } from './sections/decisions';
import { journalSection } from './sections/journal';
import { relationshipsSection } from './sections/relationships';
import { reportsSection } from './sections/reports';
import { RefMap } from './sections/section';
import { sessionsSection } from './sections/sessions';

// What came from another Corner, read-only: the same sections as the export with live rows left out,
// so the page shows exactly what the record holds. Links are the record's refs ("relationship-1").
export async function getImportedHistory(db: Db, actor: Actor, now: Date) {
  const context = {
    db,
    userId: actor.userId,
    actor,
    refs: new RefMap(),
    now,
    scope: 'imported-history' as const,
  };
  // In the sections' order: each one links to refs given out by the ones before it.
  const relationships = await relationshipsSection.exportItems(context);
  const sessions = await sessionsSection.exportItems(context);
  const actions = await actionsSection.exportItems(context);
  const journal = await journalSection.exportItems(context);
  const decisions = await decisionsSection.exportItems(context);
  const reports = await reportsSection.exportItems(context);
  return { relationships, sessions, actions, journal, decisions, reports };
}
