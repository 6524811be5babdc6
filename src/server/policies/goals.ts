import type { Actor } from '../auth/actor';

type OwnedRecord = { userId: string };

// PRODUCT.md §3: goals and check-ins belong to the member. Guides will read shared goals through their
// relationship (relationships policy); admins only ever see titles and status through program views.
export const goalPolicy = {
  canRead: (actor: Actor, goal: OwnedRecord) => goal.userId === actor.userId,
  canWrite: (actor: Actor, goal: OwnedRecord) => goal.userId === actor.userId,
};
