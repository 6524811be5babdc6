import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

// Fetchers and cache keys for relationships, sessions, actions, journal and messages.
export const relKeys = {
  list: ['relationships'] as const,
  one: (id: string) => ['relationship', id] as const,
  sessions: (id: string) => ['relationship', id, 'sessions'] as const,
  actions: (id: string) => ['relationship', id, 'actions'] as const,
  journal: (id: string) => ['relationship', id, 'journal'] as const,
  messages: (id: string) => ['relationship', id, 'messages'] as const,
  sharedFeedback: (id: string) => ['relationship', id, 'shared-feedback'] as const,
  session: (id: string) => ['session', id] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

export const fetchRelationship = (relationshipId: string) =>
  unwrap(api.relationships[':relationshipId'].$get({ param: { relationshipId } }));
export const fetchSession = (sessionId: string) =>
  unwrap(api.sessions[':sessionId'].$get({ param: { sessionId } }));

export type RelationshipDetail = Awaited<ReturnType<typeof fetchRelationship>>;
export type SessionDetail = Awaited<ReturnType<typeof fetchSession>>;
export type AgreementTermsView = NonNullable<RelationshipDetail['agreement']['pending']>['terms'];

export function useRelationships() {
  return useQuery({ queryKey: relKeys.list, queryFn: () => unwrap(api.relationships.$get()) });
}

export function useRelationship(relationshipId: string) {
  return useQuery({
    queryKey: relKeys.one(relationshipId),
    queryFn: () => fetchRelationship(relationshipId),
  });
}

export function useSessions(relationshipId: string) {
  return useQuery({
    queryKey: relKeys.sessions(relationshipId),
    queryFn: () => unwrap(api.relationships[':relationshipId'].sessions.$get({ param: { relationshipId } })),
  });
}

export function useActions(relationshipId: string) {
  return useQuery({
    queryKey: relKeys.actions(relationshipId),
    queryFn: () => unwrap(api.relationships[':relationshipId'].actions.$get({ param: { relationshipId } })),
  });
}

export function useRelationshipJournal(relationshipId: string) {
  return useQuery({
    queryKey: relKeys.journal(relationshipId),
    queryFn: () => unwrap(api.relationships[':relationshipId'].journal.$get({ param: { relationshipId } })),
  });
}

export function useMessages(relationshipId: string) {
  return useQuery({
    queryKey: relKeys.messages(relationshipId),
    queryFn: () => unwrap(api.relationships[':relationshipId'].messages.$get({ param: { relationshipId } })),
  });
}

export function useSharedFeedback(relationshipId: string) {
  return useQuery({
    queryKey: relKeys.sharedFeedback(relationshipId),
    queryFn: () =>
      unwrap(api.relationships[':relationshipId']['shared-feedback'].$get({ param: { relationshipId } })),
  });
}

export function useSession(sessionId: string) {
  return useQuery({ queryKey: relKeys.session(sessionId), queryFn: () => fetchSession(sessionId) });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: relKeys.invitation(token),
    queryFn: () => unwrap(api.invitations[':token'].$get({ param: { token } })),
  });
}

export function useJournalPrompts() {
  return useQuery({ queryKey: ['journal-prompts'], queryFn: () => unwrap(api.journal.prompts.$get()) });
}
