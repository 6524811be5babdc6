// Types for the TypeScript tests that start a throwaway cluster of their own (the script is plain JS).
export type PostgresHandle = { url: string; stop: () => Promise<void>; source: string };
export type ThrowawayCluster = PostgresHandle & {
  port: number;
  /** `pg_ctl stop -m fast`: the cluster goes down, its data stays. */
  stopServer: () => void;
  /** Starts the stopped cluster again on the same port and data. */
  startServer: () => void;
};
export function ensurePostgres(): Promise<PostgresHandle>;
export function startThrowaway(): Promise<ThrowawayCluster>;
