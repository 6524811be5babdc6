import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { scimUser } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { insertScimUser, setScimUserActive } from './scim-fast-writes';
import { liveTokenSql } from './scim-principal';
import {
  canonicalProfile,
  parseFastUserBody,
  patchedActive,
  SCIM_LIST_SCHEMA,
  userLocation,
  userNameKey,
  userResource,
} from './scim-user-shape';

// Corner's own answers to the three SCIM requests an identity provider sends by the thousand: create
// a person (POST /Users), deactivate or reactivate them (PATCH active), and look them up by userName.
// Through @better-auth/scim each write cost ~30 queries and ~17 ms of CPU (bench:identity, issue 14);
// here it is one statement (scim-fast-writes.ts). Only the common, valid shape is taken: any other
// request, a token that does not verify, a person who already exists or was deleted before
// (tombstone), or anything racing us on a unique key goes to the plugin untouched, which answers it
// exactly as before (its errors, its linking, its 404s and 401s). What is written is what the plugin
// writes (scim-user-shape.ts; scim-fast-users.test.ts has the plugin read and change those rows).

const SCIM_MEDIA = 'application/scim+json';

type C = Context<AppEnv>;

const bearerOf = (header: string | undefined) => /^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? null;
const isScimMedia = (header: string | undefined) => {
  const type = header?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json' || type === SCIM_MEDIA;
};
const baseUrlOf = (c: C) => `${c.var.deps.auth.publicUrl.replace(/\/$/, '')}/api/auth`;

function toPlugin(c: C, text?: string) {
  const raw = c.req.raw;
  const request =
    text === undefined ? raw : new Request(raw.url, { method: raw.method, headers: raw.headers, body: text });
  return c.var.deps.auth.handler(request);
}

const isUniqueViolation = (error: unknown): boolean => {
  for (let current = error; current && typeof current === 'object'; ) {
    if ('code' in current && current.code === '23505') return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
};

const scimJson = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': SCIM_MEDIA, ...headers } });

/** The JSON body and the token's organization, or null when the request is the plugin's. */
async function fastInput(c: C) {
  const text = await c.req.text();
  const token = bearerOf(c.req.header('authorization'));
  if (!token || !isScimMedia(c.req.header('content-type')) || new URL(c.req.url).search) return { text };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { text };
  }
  const principal = await c.var.deps.auth.scimPrincipals.resolve(c.var.deps.db, token);
  return principal ? { text, body, principal } : { text };
}

export async function createScimUserFast(c: C): Promise<Response> {
  const { text, body, principal } = await fastInput(c);
  const input = principal ? parseFastUserBody(body) : null;
  if (!principal || !input) return toPlugin(c, text);
  let row: Awaited<ReturnType<typeof insertScimUser>>;
  try {
    row = await insertScimUser(c.var.deps.db, principal, canonicalProfile(input), input.externalId);
  } catch (error) {
    if (isUniqueViolation(error)) return toPlugin(c, text);
    throw error;
  }
  if (!row) {
    c.var.deps.auth.scimPrincipals.forget(principal);
    return toPlugin(c, text);
  }
  const location = userLocation(baseUrlOf(c), row.id);
  return scimJson(userResource(baseUrlOf(c), row), 201, { location, 'content-location': location });
}

export async function patchScimUserFast(c: C): Promise<Response> {
  const { text, body, principal } = await fastInput(c);
  const active = principal ? patchedActive(body) : null;
  if (!principal || active === null) return toPlugin(c, text);
  const { db, auth } = c.var.deps;
  const changed = await setScimUserActive(db, principal, c.req.param('userId') ?? '', active);
  if (!changed) {
    auth.scimPrincipals.forget(principal);
    return toPlugin(c, text);
  }
  // After the commit, as the plugin's hooks do: this instance forgets the person's cached sessions.
  auth.sessions.forgetUser(changed.user.userId);
  for (const token of changed.endedTokens) auth.sessions.forgetToken(token);
  const resource = userResource(baseUrlOf(c), changed.user);
  return scimJson(resource, 200, { location: resource.meta.location });
}

/** GET /Users?filter=userName eq "…" (Okta's and Entra's lookup before a create). */
export async function listScimUsersFast(c: C): Promise<Response> {
  const token = bearerOf(c.req.header('authorization'));
  const query = new URL(c.req.url).searchParams;
  const keys = [...query.keys()];
  const filter = /^userName eq "([^"\\]*)"$/.exec(query.get('filter') ?? '');
  const count = query.get('count');
  const pagingOk =
    (query.get('startIndex') ?? '1') === '1' && (count === null || /^[1-9][0-9]{0,2}$/.test(count));
  const known = keys.every((key) => key === 'filter' || key === 'startIndex' || key === 'count');
  if (!token || !filter?.[1] || !pagingOk || !known || new Set(keys).size !== keys.length) return toPlugin(c);
  const userName = filter[1];
  const { db, auth } = c.var.deps;
  const principal = await auth.scimPrincipals.resolve(db, token);
  if (!principal) return toPlugin(c);
  const [live] = await db
    .select({ live: sql<boolean>`exists (${liveTokenSql(principal, false)})` })
    .from(sql`(select 1) as one`);
  if (!live?.live) {
    auth.scimPrincipals.forget(principal);
    return toPlugin(c);
  }
  const rows = await db
    .select()
    .from(scimUser)
    .where(
      and(
        eq(scimUser.connectionId, principal.organizationId),
        eq(scimUser.userNameKey, userNameKey(principal.organizationId, userName)),
      ),
    );
  // userNameKey is unique, so this page of at most one is the whole result.
  const resources = rows.map((row) => userResource(baseUrlOf(c), row));
  return scimJson(
    {
      schemas: [SCIM_LIST_SCHEMA],
      totalResults: resources.length,
      startIndex: 1,
      itemsPerPage: resources.length,
      Resources: resources,
    },
    200,
  );
}
