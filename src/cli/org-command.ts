import type { Command } from 'commander';
import { isOrgRole, ORG_ROLES } from '../domain/orgs/org-roles';
import { loadConfig } from '../server/config';
import type { Db } from '../server/db/client';
import { Problem } from '../server/http/problem';
import { operatorCreateOrg, operatorSetMember } from '../server/orgs/operator-orgs';
import { openRuntime } from '../server/runtime';

export function registerOrgCommand(program: Command): void {
  const org = program.command('org').description('organizations: create one, add people with a role');
  org
    .command('create')
    .description('create an organization (optionally with its first owner)')
    .requiredOption('--name <name>', 'the organization’s name')
    .requiredOption('--slug <slug>', 'its short address: lowercase letters, digits and dashes')
    .option('--owner <email>', 'the e-mail of an existing Corner account to make its owner')
    .action(async (options: { name: string; slug: string; owner?: string }) => {
      await withDb(async (db) => {
        const created = await operatorCreateOrg(db, options);
        console.log(`Created organization ${created.name} (${created.slug}), id ${created.id}.`);
      });
    });
  org
    .command('add-member')
    .description('add a person with an existing account to an organization, or change their role')
    .requiredOption('--org <slug>', 'the organization’s slug')
    .requiredOption('--email <email>', 'the person’s e-mail')
    .option('--role <role>', ORG_ROLES.join(', '), 'member')
    .action(async (options: { org: string; email: string; role: string }) => {
      const role = options.role;
      if (!isOrgRole(role)) {
        throw new Problem(
          422,
          'invalid-role',
          `--role must be one of ${ORG_ROLES.join(', ')}, not "${role}".`,
          'role',
        );
      }
      await withDb(async (db) => {
        await operatorSetMember(db, options.org, options.email, role);
        console.log(`${options.email} is now ${role} of ${options.org}.`);
      });
    });
}

export async function withDb(work: (db: Db) => Promise<void>): Promise<void> {
  const runtime = await openRuntime(loadConfig());
  try {
    await work(runtime.database.db);
  } finally {
    await runtime.close();
  }
}
