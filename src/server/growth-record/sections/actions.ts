import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actions } from '../../db/schema';
import { instant, longText, ref, role, title } from './fields';
import { type Entry, inOrder, liveEntry, loadHistory, saveHistory, withNewIds } from './history';
import { myRelationships, sideOf } from './my-relationships';
import { defineSection } from './section';

// Next steps of both people in a relationship: both sides read them, so both owners' actions belong
// to the record. A renegotiated action links to nothing; its smaller replacement links back to it.
const dataSchema = z.object({
  relationship: ref,
  session: ref.nullable(),
  owner: role,
  kind: z.enum(['practical', 'reflective']),
  title,
  dueDate: z.iso.date().nullable(),
  status: z.enum(['open', 'done', 'renegotiated', 'dropped']),
  outcome: longText,
  dropReason: longText.nullable(),
  replaces: ref.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
type ActionData = z.infer<typeof dataSchema>;

export const actionItemSchema = z.object({ ref, ...dataSchema.shape });
export type ActionItem = z.infer<typeof actionItemSchema>;

async function liveActions(db: Db, userId: string): Promise<Entry<ActionData>[]> {
  const rels = new Map((await myRelationships(db, userId)).map((rel) => [rel.id, rel]));
  if (rels.size === 0) return [];
  const rows = await db
    .select()
    .from(actions)
    .where(inArray(actions.relationshipId, [...rels.keys()]));
  return rows.flatMap((action) => {
    const rel = rels.get(action.relationshipId);
    if (!rel) return [];
    return [
      liveEntry(action.id, {
        relationship: rel.id,
        session: action.sessionId,
        owner: sideOf(rel, action.ownerId) ?? 'member',
        kind: action.kind,
        title: action.title,
        dueDate: action.dueDate,
        status: action.status,
        outcome: action.outcome,
        dropReason: action.dropReason,
        replaces: action.replacesId,
        createdAt: action.createdAt.toISOString(),
        updatedAt: action.updatedAt.toISOString(),
      }),
    ];
  });
}

export const actionsSection = defineSection({
  key: 'actions',
  title: 'Actions',
  schema: z.array(actionItemSchema),
  async exportItems({ db, userId, refs, scope }) {
    const live = scope === 'everything' ? await liveActions(db, userId) : [];
    const imported = await loadHistory(db, userId, 'actions', dataSchema);
    const ordered = inOrder(
      [...live, ...imported].filter((entry) => refs.knownRef('relationship', entry.data.relationship)),
      (a) => [
        a.createdAt,
        refs.knownRef('relationship', a.relationship) ?? '',
        (a.session && refs.knownRef('session', a.session)) ?? '',
        a.title,
        a.owner,
        a.status,
        a.updatedAt,
      ],
    );
    for (const { id } of ordered) refs.refFor('action', id);
    return ordered.map(({ id, data }) => ({
      ...data,
      ref: refs.refOf('action', id),
      relationship: refs.refOf('relationship', data.relationship),
      session: data.session ? refs.knownRef('session', data.session) : null,
      replaces: data.replaces ? refs.knownRef('action', data.replaces) : null,
    }));
  },
  async importItems({ tx, userId, refs, now }, items) {
    const rows = withNewIds(refs, items, 'action').map(({ id, item: { ref: _, ...data }, index }) => {
      const where = `actions.${index}`;
      const payload: ActionData = {
        ...data,
        relationship: refs.idFor(data.relationship, `${where}.relationship`, 'relationship'),
        session: data.session ? refs.idFor(data.session, `${where}.session`, 'session') : null,
        replaces: data.replaces ? refs.idFor(data.replaces, `${where}.replaces`, 'action') : null,
      };
      return { id, position: index, payload };
    });
    await saveHistory(tx, userId, 'actions', rows, now);
    return items.length;
  },
});
