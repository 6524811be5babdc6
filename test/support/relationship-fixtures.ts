import type { AgreementTerms } from '../../src/domain/agreements/agreement-terms';
import { defaultAgreementTerms } from '../../src/domain/agreements/agreement-terms';
import { type Member, signUp, type TestApp } from './test-app';

export type Pair = { member: Member; guide: Member; relationshipId: string };

export async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export const tokenOf = (link: string) => link.split('/invitations/')[1] ?? '';

// A member invites a guide (signed up here unless given), the guide accepts, and (unless told otherwise) the two agree on terms.
export async function startPair(
  t: TestApp,
  options: {
    kind?: 'mentoring' | 'coaching' | 'peer';
    terms?: Partial<AgreementTerms>;
    agree?: boolean;
    memberZone?: string;
    guideZone?: string;
    invite?: Record<string, unknown>;
    /** A guide who already exists (e.g. with a guide profile); otherwise one is signed up. */
    guide?: Member;
    memberName?: string;
  } = {},
): Promise<Pair> {
  const kind = options.kind ?? 'mentoring';
  const member = await signUp(t, options.memberName ?? 'Mia Member', options.memberZone ?? 'Europe/Berlin');
  const guide = options.guide ?? (await signUp(t, 'Gus Guide', options.guideZone ?? 'America/New_York'));
  const created = await json<{ relationship: { id: string }; invitationLink: string }>(
    await member.request('/api/v1/relationships', {
      method: 'POST',
      body: {
        inviteeEmail: guide.email,
        myRole: 'member',
        kind,
        framing: 'goal-oriented',
        ...options.invite,
      },
    }),
    201,
  );
  await json(
    await guide.request(`/api/v1/invitations/${tokenOf(created.invitationLink)}/accept`, { method: 'POST' }),
    200,
  );
  const relationshipId = created.relationship.id;
  if (options.agree !== false) {
    const terms = { ...defaultAgreementTerms(kind), ...options.terms };
    await json(
      await member.request(`/api/v1/relationships/${relationshipId}/agreements`, {
        method: 'POST',
        body: { terms },
      }),
      200,
    );
    await json(
      await guide.request(`/api/v1/relationships/${relationshipId}/agreements/1/accept`, { method: 'POST' }),
      200,
    );
  }
  return { member, guide, relationshipId };
}

// A local wall-clock time `days` from the clock, at `hour`:00 in the zone, as the schedule API takes it.
export function localIn(now: Date, days: number, hour: number): string {
  const date = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:00`;
}
