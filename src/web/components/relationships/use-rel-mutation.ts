import { useMutation, useQueryClient } from '@tanstack/react-query';

// Every change inside a relationship refreshes everything cached under it: momentum and tracking
// depend on sessions, actions and messages alike.
export function useRelMutation<TInput, TResult>(
  relationshipId: string,
  mutationFn: (input: TInput) => Promise<TResult>,
  onDone?: (result: TResult) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['relationship', relationshipId] });
      await queryClient.invalidateQueries({ queryKey: ['session'] });
      onDone?.(result);
    },
  });
}
