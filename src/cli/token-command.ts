import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { createAccessToken } from '../server/access-tokens/create-access-token';
import { listAccessTokens } from '../server/access-tokens/list-access-tokens';
import { revokeAccessToken } from '../server/access-tokens/revoke-access-token';
import type { Actor } from '../server/auth/actor';
import { loadConfig } from '../server/config';
import type { Db } from '../server/db/client';
import { user } from '../server/db/schema';
import { openRuntime } from '../server/runtime';
import { CliUsageError } from './export-command';

async function actorFor(db: Db, email: string): Promise<Actor> {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  if (!row) throw new CliUsageError(`No person with the email ${email} in this Corner.`);
  return { userId: row.id, email: row.email, name: row.name, timeZone: row.timeZone };
}

// The same tokens as Settings → Access tokens, for people who run Corner from a terminal.
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('personal access tokens (for corner mcp)');
  token
    .command('create')
    .description('create a token and print it once')
    .requiredOption('--user <email>', 'whose token')
    .option('--name <name>', 'where it will be used', 'my assistant')
    .action(async (options: { user: string; name: string }) => {
      const runtime = await openRuntime(loadConfig());
      try {
        const actor = await actorFor(runtime.database.db, options.user);
        const created = await createAccessToken(runtime.database.db, actor, options.name, new Date());
        console.log(created.token);
      } finally {
        await runtime.close();
      }
    });
  token
    .command('revoke <tokenId>')
    .description('revoke a token by its id (see corner token list)')
    .requiredOption('--user <email>', 'whose token')
    .action(async (tokenId: string, options: { user: string }) => {
      const runtime = await openRuntime(loadConfig());
      try {
        const actor = await actorFor(runtime.database.db, options.user);
        await revokeAccessToken(runtime.database.db, actor, tokenId, new Date());
        console.log(`Revoked ${tokenId}.`);
      } finally {
        await runtime.close();
      }
    });
  token
    .command('list')
    .description('list a person’s tokens (never the secrets)')
    .requiredOption('--user <email>', 'whose tokens')
    .action(async (options: { user: string }) => {
      const runtime = await openRuntime(loadConfig());
      try {
        const actor = await actorFor(runtime.database.db, options.user);
        for (const t of await listAccessTokens(runtime.database.db, actor)) {
          console.log(`${t.id}  ${t.prefix}…  ${t.name}${t.revokedAt ? '  (revoked)' : ''}`);
        }
      } finally {
        await runtime.close();
      }
    });
}
