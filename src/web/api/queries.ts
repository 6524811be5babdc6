import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

// Query keys and fetchers in one place so pages share the cache and invalidate consistently.
export const keys = {
  me: ['me'] as const,
  goals: (status: string) => ['goals', status] as const,
  goal: (id: string) => ['goal', id] as const,
  readinessResults: ['readiness-results'] as const,
  outbox: ['outbox'] as const,
  notifications: ['notifications'] as const,
};

export function useGoals(status: 'active' | 'achieved' | 'archived' | 'all') {
  return useQuery({
    queryKey: keys.goals(status),
    queryFn: () => unwrap(api.goals.$get({ query: { status } })),
  });
}

export function useGoal(goalId: string) {
  return useQuery({
    queryKey: keys.goal(goalId),
    queryFn: () => unwrap(api.goals[':goalId'].$get({ param: { goalId } })),
  });
}

export function useReadinessResults() {
  return useQuery({ queryKey: keys.readinessResults, queryFn: () => unwrap(api.readiness.results.$get()) });
}

export function useOutbox() {
  return useQuery({ queryKey: keys.outbox, queryFn: () => unwrap(api.outbox.$get()) });
}

export function useNotifications() {
  return useQuery({
    queryKey: keys.notifications,
    queryFn: () => unwrap(api.notifications.$get({ query: {} })),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: ['calendar-feed'], queryFn: () => unwrap(api['calendar-feed'].$get()) });
}

// Who is signed in and what they do (member, guide, admin): the navigation grows from these roles.
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: () => unwrap(api.me.$get()) });
}
