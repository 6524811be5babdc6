import type { Actor } from '../auth/actor';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import type { Mailer } from '../mail/mailer';

// What every request handler can reach. The clock is a dependency so tests can travel in time.
export type Deps = { db: Db; auth: Auth; clock: () => Date; mailer: Mailer };

export type AppEnv = { Variables: { deps: Deps; actor: Actor | null } };
