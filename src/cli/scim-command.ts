import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../server/config';
import type { Db } from '../server/db/client';
import { organization } from '../server/db/schema';
import { scimBaseUrl } from '../server/scim/routes';
import { issueScimToken, listScimTokensOf, revokeScimTokenOf } from '../server/scim/scim-tokens';
import { CliUsageError } from './export-command';
import { withDb } from './org-command';

async function orgBySlug(db: Db, slug: string) {
  const [org] = await db.select().from(organization).where(eq(organization.slug, slug));
  if (!org) throw new CliUsageError(`No organization with the slug ${slug} in this Corner.`);
  return org;
}

// For whoever runs Corner (as `corner org create`): the same tokens an owner or admin makes on the
// organization page, audited with no person as the actor.
export function registerScimCommand(program: Command): void {
  const scim = program
    .command('scim')
    .description('SCIM provisioning: bearer tokens for an identity provider');
  scim
    .command('token')
    .description('make a SCIM token for an organization and print it once')
    .requiredOption('--org <slug>', 'the organization’s slug')
    .option('--label <label>', 'where it will be used', 'identity provider')
    .action(async (options: { org: string; label: string }) => {
      await withDb(async (db) => {
        const org = await orgBySlug(db, options.org);
        const { token, view } = await issueScimToken(db, {
          organizationId: org.id,
          label: options.label,
          createdBy: null,
        });
        console.log(`SCIM base URL: ${scimBaseUrl(loadConfig().publicUrl)}`);
        console.log(`Token (shown only now; id ${view.id}):`);
        console.log(token);
      });
    });
  scim
    .command('tokens')
    .description('list an organization’s SCIM tokens (never their secrets)')
    .requiredOption('--org <slug>', 'the organization’s slug')
    .action(async (options: { org: string }) => {
      await withDb(async (db) => {
        const org = await orgBySlug(db, options.org);
        const tokens = await listScimTokensOf(db, org.id);
        if (tokens.length === 0)
          console.log('No SCIM tokens yet: make one with corner scim token --org <slug>.');
        for (const token of tokens) {
          const state = token.revokedAt ? `revoked ${token.revokedAt}` : 'active';
          console.log(`${token.id}  ${token.label}  …${token.hint}  ${state}`);
        }
      });
    });
  scim
    .command('revoke <tokenId>')
    .description('revoke a SCIM token at once')
    .requiredOption('--org <slug>', 'the organization’s slug')
    .action(async (tokenId: string, options: { org: string }) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tokenId)) {
        throw new CliUsageError(`${tokenId} is not a token id: see corner scim tokens --org ${options.org}.`);
      }
      await withDb(async (db) => {
        const org = await orgBySlug(db, options.org);
        await revokeScimTokenOf(db, org.id, tokenId, null);
        console.log(`Revoked SCIM token ${tokenId}.`);
      });
    });
}
