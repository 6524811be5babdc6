import { createHash } from 'node:crypto';
import { z } from 'zod';

// The SCIM User as @better-auth/scim 1.7 stores and shows it, for Corner's fast path (scim-fast-users.ts).
// Each function repeats one of the plugin's (node_modules/@better-auth/scim/dist/index.mjs, named in
// its comment) so a row Corner writes is the row the plugin would have written and reads back later;
// scim-fast-users.test.ts sends the same requests through both and compares rows and answers.

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

// The plugin's createScopedKey: base64url(sha256(JSON of the parts)), unpadded.
const scopedKey = (parts: string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

export const userNameKey = (connectionId: string, userName: string) =>
  scopedKey(['scim-user-name', connectionId, userName.toLowerCase()]);
export const externalIdKey = (connectionId: string, externalId: string | undefined) =>
  externalId ? scopedKey(['scim-user-external-id', connectionId, externalId]) : undefined;
export const connectionUserKey = (connectionId: string, userId: string) =>
  scopedKey(['scim-user', connectionId, userId]);
const emailValueToken = (email: string) => scopedKey(['scim-email-value', email.trim().toLowerCase()]);

type Email = { value: string; type?: string; primary: boolean };

/** createSCIMEmailValueIndex: the sorted, de-duplicated tokens of the (work) addresses, |-framed. */
export function emailValueIndex(emails: Email[], type?: 'work') {
  const tokens = new Set(
    emails.filter((email) => type === undefined || email.type === type).map((e) => emailValueToken(e.value)),
  );
  return `|${[...tokens].sort().join('|')}|`;
}

/** createSCIMOrderKey: creation time, then randomness, so classic paging has a stable order. */
export const orderKey = (createdAt: Date, random: string) =>
  `${createdAt.getTime().toString().padStart(15, '0')}:${random}`;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

// The common body only (what Okta and Entra send when they create someone): anything else, or a
// value the plugin would refuse, is left to the plugin, which answers it as before.
const fastUserBody = z
  .object({
    schemas: z.tuple([z.literal(SCIM_USER_SCHEMA)]),
    userName: z.string().trim().min(1).max(512),
    externalId: trimmed(1024).optional(),
    displayName: trimmed(1024).optional(),
    name: z
      .object({
        formatted: trimmed(1024).optional(),
        givenName: trimmed(256).optional(),
        familyName: trimmed(256).optional(),
      })
      .strict()
      .optional(),
    emails: z
      .array(
        z
          .object({
            value: z.email().max(254),
            primary: z.boolean().optional(),
            type: trimmed(256)
              .transform((type) => type.toLowerCase())
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
    locale: trimmed(256).optional(),
    // Okta sends an empty list; the plugin ignores a User's groups (membership is set through /Groups).
    groups: z.array(z.never()).max(0).optional(),
    active: z.literal(true).optional(),
  })
  .strict();

/** The body as the plugin's APIUserSchema would parse it, or null when the fast path should not take it. */
export function parseFastUserBody(body: unknown) {
  const parsed = fastUserBody.safeParse(body);
  if (!parsed.success) return null;
  const emails = parsed.data.emails;
  const types = emails.flatMap((email) => (email.type ? [email.type] : []));
  const tuples = emails.map((email) =>
    JSON.stringify([email.type ?? null, email.value.trim().toLowerCase()]),
  );
  // The plugin's refinements: at most one primary, no duplicate (type, value), no duplicate type.
  if (emails.filter((email) => email.primary).length > 1) return null;
  if (new Set(tuples).size !== tuples.length || new Set(types).size !== types.length) return null;
  if (JSON.stringify(parsed.data).length > 65535) return null;
  return parsed.data;
}
export type FastUserBody = NonNullable<ReturnType<typeof parseFastUserBody>>;

const optional = (value: string | undefined) => value?.trim() || undefined;

/** createCanonicalSCIMUserProfile, for the attributes the fast path accepts. */
export function canonicalProfile(input: FastUserBody) {
  const userName = input.userName.trim();
  const normalized = input.emails.map((email) => ({
    value: email.value.trim().toLowerCase(),
    ...(email.type?.trim() ? { type: email.type.trim().toLowerCase() } : {}),
    primary: email.primary === true,
  }));
  const explicit = normalized.findIndex((email) => email.primary);
  const work = normalized.findIndex((email) => email.type === 'work');
  const primaryIndex = explicit >= 0 ? explicit : work >= 0 ? work : 0;
  const emails: Email[] = normalized.map((email, index) => ({ ...email, primary: index === primaryIndex }));
  const primaryEmail = emails.find((email) => email.primary)?.value ?? userName;
  const givenName = optional(input.name?.givenName);
  const familyName = optional(input.name?.familyName);
  const composed = [givenName, familyName].filter(Boolean).join(' ');
  const formattedName =
    optional(input.name?.formatted) ?? optional(input.displayName) ?? (composed || primaryEmail);
  const displayName = optional(input.displayName) ?? formattedName;
  const locale = input.locale;
  return { userName, displayName, formattedName, givenName, familyName, emails, primaryEmail, locale };
}
export type CanonicalProfile = ReturnType<typeof canonicalProfile>;

// serializeSCIMUserAttributes writes what the plugin's canonical schema parsed: keys in its order
// (name: formatted, givenName, familyName; an e-mail: value, primary, type).
export function serializedAttributes(profile: CanonicalProfile) {
  return JSON.stringify({
    schemas: [SCIM_USER_SCHEMA],
    name: nameOf(profile),
    emails: profile.emails.map(({ value, primary, type }) => ({ value, primary, ...(type ? { type } : {}) })),
    ...(profile.locale ? { locale: profile.locale } : {}),
  });
}
const nameOf = (profile: Pick<CanonicalProfile, 'formattedName' | 'givenName' | 'familyName'>) => ({
  formatted: profile.formattedName,
  ...(profile.givenName ? { givenName: profile.givenName } : {}),
  ...(profile.familyName ? { familyName: profile.familyName } : {}),
});

export type StoredScimUser = {
  id: string;
  externalId: string | null;
  userName: string;
  displayName: string;
  active: boolean;
  serializedAttributes: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** createUserResource: the stored attributes, then id, externalId, userName, displayName, active, meta. */
export function userResource(baseUrl: string, row: StoredScimUser) {
  const { enterprise, ...attributes } = JSON.parse(row.serializedAttributes ?? '{}') as Record<
    string,
    unknown
  >;
  const urn = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
  return {
    ...attributes,
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.userName,
    displayName: row.displayName,
    active: row.active,
    ...(enterprise ? { [urn]: enterprise } : {}),
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: userLocation(baseUrl, row.id),
    },
  };
}

export const userLocation = (baseUrl: string, id: string) =>
  new URL(
    `scim/v2/Users/${encodeURIComponent(id)}`,
    baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
  ).toString();

/** The `active` an Okta or Entra deactivation PATCH sets, or null for any other PATCH (the plugin's). */
export function patchedActive(body: unknown): boolean | null {
  if (!isRecord(body) || Object.keys(body).some((key) => key !== 'schemas' && key !== 'Operations'))
    return null;
  const { schemas, Operations } = body;
  if (!Array.isArray(schemas) || schemas.length !== 1 || schemas[0] !== SCIM_PATCH_SCHEMA) return null;
  if (!Array.isArray(Operations) || Operations.length !== 1) return null;
  const [operation] = Operations as unknown[];
  if (!isRecord(operation) || typeof operation.op !== 'string' || operation.op.toLowerCase() !== 'replace')
    return null;
  const keys = Object.keys(operation).sort().join(',');
  // Okta: { op: "replace", value: { active: false } }.
  if (keys === 'op,value' && isRecord(operation.value)) {
    const value = operation.value;
    return Object.keys(value).length === 1 && typeof value.active === 'boolean' ? value.active : null;
  }
  // Entra: { op: "Replace", path: "active", value: "False" }.
  if (
    keys === 'op,path,value' &&
    typeof operation.path === 'string' &&
    operation.path.toLowerCase() === 'active'
  ) {
    const value = operation.value;
    if (typeof value === 'boolean') return value;
    if (value === 'True' || value === 'true') return true;
    if (value === 'False' || value === 'false') return false;
  }
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
