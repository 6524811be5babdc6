import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

const fetchImportedHistory = () => unwrap(api['growth-record'].history.$get());

export type ImportedHistory = Awaited<ReturnType<typeof fetchImportedHistory>>;
export type ImportedRelationship = ImportedHistory['relationships'][number];

// Relationships restored from another Corner: read-only, so nothing here ever needs invalidating.
export function useImportedHistory() {
  return useQuery({ queryKey: ['growth-record', 'history'], queryFn: fetchImportedHistory });
}
