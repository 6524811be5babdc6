import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

// Query keys and fetchers for the growth tools (feedback, shadow map, artifacts, tokens).
export const growthKeys = {
  feedbackRequests: ['feedback-requests'] as const,
  shadowMap: ['shadow-map'] as const,
  artifacts: ['artifacts'] as const,
  artifact: (id: string) => ['artifact', id] as const,
  accessTokens: ['access-tokens'] as const,
};

export function useFeedbackRequests() {
  return useQuery({
    queryKey: growthKeys.feedbackRequests,
    queryFn: () => unwrap(api['feedback-requests'].$get()),
  });
}

export function useShadowMap() {
  return useQuery({ queryKey: growthKeys.shadowMap, queryFn: () => unwrap(api['shadow-map'].$get()) });
}

export function useArtifacts() {
  return useQuery({
    queryKey: growthKeys.artifacts,
    queryFn: () => unwrap(api.artifacts.$get({ query: { role: 'all' } })),
  });
}

export function useArtifact(artifactId: string) {
  return useQuery({
    queryKey: growthKeys.artifact(artifactId),
    queryFn: () => unwrap(api.artifacts[':artifactId'].$get({ param: { artifactId } })),
  });
}

export function useAccessTokens() {
  return useQuery({ queryKey: growthKeys.accessTokens, queryFn: () => unwrap(api['access-tokens'].$get()) });
}
