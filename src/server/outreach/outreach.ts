import { and, desc, eq } from 'drizzle-orm';
import { checkAsk } from '../../domain/asks/check-ask';
import { composeCircleBack } from '../../domain/asks/compose-circle-back';
import { outreachNudges } from '../../domain/asks/outreach-nudges';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { outreachContacts } from '../db/schema';
import { notFound } from '../http/problem';
import type { CreateOutreachInput, OutreachView, UpdateOutreachInput } from './schemas';

type Row = typeof outreachContacts.$inferSelect;

function present(row: Row, now: Date): OutreachView {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    provenExcellence: row.provenExcellence,
    explainsHow: row.explainsHow,
    hook: row.hook,
    askDraft: row.askDraft,
    stage: row.stage,
    stageDates: { ...row.stageDates },
    advice: row.advice,
    appliedTo: row.appliedTo,
    result: row.result,
    offeredBack: row.offeredBack,
    askCheck: checkAsk(row.askDraft, { hook: row.hook }),
    circleBackDraft: composeCircleBack({ advice: row.advice, appliedTo: row.appliedTo, result: row.result }),
    nudges: outreachNudges({
      stage: row.stage,
      stageDates: row.stageDates,
      offeredBack: row.offeredBack,
      now,
    }),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// The outreach tracker is the member's own notebook (PRODUCT.md §3): every query is scoped to the
// member, so nobody else — guide or admin — can even learn an entry exists.
async function load(db: Db, actor: Actor, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(outreachContacts)
    .where(and(eq(outreachContacts.id, id), eq(outreachContacts.memberId, actor.userId)));
  if (!row) throw notFound('outreach contact');
  return row;
}

export async function listOutreach(db: Db, actor: Actor, now: Date): Promise<OutreachView[]> {
  const rows = await db
    .select()
    .from(outreachContacts)
    .where(eq(outreachContacts.memberId, actor.userId))
    .orderBy(desc(outreachContacts.updatedAt));
  return rows.map((row) => present(row, now));
}

export async function getOutreach(db: Db, actor: Actor, id: string, now: Date): Promise<OutreachView> {
  return present(await load(db, actor, id), now);
}

export async function createOutreach(db: Db, actor: Actor, input: CreateOutreachInput, now: Date) {
  const [row] = await db
    .insert(outreachContacts)
    .values({
      ...input,
      memberId: actor.userId,
      stageDates: { drafted: now.toISOString() },
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no outreach contact');
  return present(row, now);
}

// Moving to a stage stamps when it was first reached, which is what the nudges count days from.
export async function updateOutreach(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateOutreachInput,
  now: Date,
): Promise<OutreachView> {
  const row = await load(db, actor, id);
  const stageDates = { ...row.stageDates };
  if (input.stage && stageDates[input.stage] === undefined) stageDates[input.stage] = now.toISOString();
  const [updated] = await db
    .update(outreachContacts)
    .set({ ...input, stageDates, updatedAt: now })
    .where(eq(outreachContacts.id, row.id))
    .returning();
  if (!updated) throw notFound('outreach contact');
  return present(updated, now);
}

export async function deleteOutreach(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await load(db, actor, id);
  await db.delete(outreachContacts).where(eq(outreachContacts.id, row.id));
}
