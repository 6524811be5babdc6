import fs from 'node:fs';
import type { Command } from 'commander';
import { normalizeDomain } from '../domain/sso/email-domain';
import { loadConfig } from '../server/config';
import { Problem } from '../server/http/problem';
import { openRuntime } from '../server/runtime';
import { createOidcProvider, createSamlProvider, type SsoDeps } from '../server/sso/create-sso-provider';
import { createOidcProviderSchema } from '../server/sso/schemas';
import { approveSsoDomain, setSsoRequired } from '../server/sso/sso-providers';

const OPERATOR = { kind: 'operator' as const };

// The operator registers providers here already approved: running this command on the server is the
// proof of authority an org admin's form cannot give (src/server/sso/registrar.ts).
export function registerSsoCommand(program: Command): void {
  const sso = program.command('sso').description('single sign-on: identity providers of an organization');
  sso
    .command('add-oidc')
    .description('register an OpenID Connect provider (Okta, Entra ID, Google Workspace, Keycloak, ...)')
    .requiredOption('--org <slug>', 'the organization’s slug')
    .requiredOption('--domain <domain>', 'the e-mail domain whose people sign in through it')
    .requiredOption('--issuer <url>', 'the provider’s issuer URL')
    .requiredOption('--client-id <id>', 'the client id the provider gave Corner')
    .requiredOption('--client-secret <secret>', 'the client secret')
    .action(
      async (options: {
        org: string;
        domain: string;
        issuer: string;
        clientId: string;
        clientSecret: string;
      }) => {
        const parsed = createOidcProviderSchema.safeParse(options);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new Problem(
            422,
            'invalid-option',
            `--${String(issue?.path[0] ?? 'option')} ${issue?.message ?? 'is not valid'}.`,
          );
        }
        await withSso(async (deps) => {
          const created = await createOidcProvider(deps, OPERATOR, options.org, parsed.data);
          console.log(`Registered ${created.providerId} for ${created.domain} in ${options.org}.`);
          console.log(`Give the identity provider this redirect URI: ${created.redirectUrl}`);
        });
      },
    );
  sso
    .command('add-saml')
    .description('register a SAML 2.0 identity provider from its metadata')
    .requiredOption('--org <slug>', 'the organization’s slug')
    .requiredOption('--domain <domain>', 'the e-mail domain whose people sign in through it')
    .requiredOption(
      '--metadata <file-or-url>',
      'the identity provider’s metadata XML: a file or an https URL',
    )
    .action(async (options: { org: string; domain: string; metadata: string }) => {
      const domain = requireDomain(options.domain);
      const metadataXml = await readMetadata(options.metadata);
      await withSso(async (deps) => {
        const created = await createSamlProvider(deps, OPERATOR, options.org, { domain, metadataXml });
        console.log(`Registered ${created.providerId} for ${created.domain} in ${options.org}.`);
        console.log(`Give the identity provider this ACS (reply) URL: ${created.redirectUrl}`);
        console.log(`and this entity ID (audience): ${created.spEntityId ?? ''}`);
      });
    });
  sso
    .command('approve-domain')
    .description('approve a domain an org admin registered a provider for, so its people sign in through it')
    .requiredOption('--org <slug>', 'the organization’s slug')
    .requiredOption('--domain <domain>', 'the e-mail domain')
    .action(async (options: { org: string; domain: string }) => {
      const domain = requireDomain(options.domain);
      await withSso(async ({ db }) => {
        const providers = await approveSsoDomain(db, options.org, domain);
        console.log(`Approved ${domain} for ${options.org} (${providers.join(', ')}).`);
      });
    });
  sso
    .command('require')
    .description(
      'require SSO for the organization’s domains (password sign-in refused), or stop requiring it',
    )
    .requiredOption('--org <slug>', 'the organization’s slug')
    .option('--off', 'stop requiring SSO')
    .action(async (options: { org: string; off?: boolean }) => {
      await withSso(async ({ db }) => {
        const { required } = await setSsoRequired(db, OPERATOR, options.org, !options.off);
        console.log(required ? `${options.org} now requires SSO.` : `${options.org} no longer requires SSO.`);
      });
    });
}

function requireDomain(input: string): string {
  const domain = normalizeDomain(input);
  if (!domain)
    throw new Problem(
      422,
      'invalid-option',
      `--domain must be a domain name such as acme.com, not "${input}".`,
    );
  return domain;
}

async function readMetadata(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok)
      throw new Problem(422, 'invalid-option', `--metadata: ${source} answered ${response.status}.`);
    return response.text();
  }
  if (!fs.existsSync(source))
    throw new Problem(422, 'invalid-option', `--metadata: there is no file ${source}.`);
  return fs.readFileSync(source, 'utf8');
}

async function withSso(work: (deps: SsoDeps) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  try {
    await work({
      db: runtime.database.db,
      publicUrl: config.publicUrl,
      identityProviderOrigins: config.identityProviderOrigins,
    });
  } finally {
    await runtime.close();
  }
}
