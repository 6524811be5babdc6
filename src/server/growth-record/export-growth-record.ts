import { eq } from 'drizzle-orm';
import { GROWTH_RECORD_VERSION } from '../../domain/settings/growth-tools';
import type { Db } from '../db/client';
import { user } from '../db/schema';
import { notFound } from '../http/problem';
import { GROWTH_RECORD_FORMAT, type GrowthRecord, growthRecordSchema } from './format';
import { sections } from './sections';
import { RefMap } from './sections/section';

// Everything the member owns, gathered section by section. The result is parsed by the same schema
// import uses, so an export that import would refuse fails here, loudly, instead.
export async function exportGrowthRecord(db: Db, userId: string, now: Date): Promise<GrowthRecord> {
  const [person] = await db.select().from(user).where(eq(user.id, userId));
  if (!person) throw notFound('person');
  const actor = { userId, email: person.email, name: person.name, timeZone: person.timeZone };
  const context = { db, userId, actor, refs: new RefMap(), now, scope: 'everything' as const };
  const document: Record<string, unknown> = {
    format: GROWTH_RECORD_FORMAT,
    version: GROWTH_RECORD_VERSION,
    exportedAt: now.toISOString(),
    person: {
      name: person.name,
      email: person.email,
      timeZone: person.timeZone,
      organization: person.organization,
    },
  };
  for (const section of sections) {
    document[section.key] = await section.exportItems(context);
  }
  return growthRecordSchema.parse(document);
}
