import { z } from '@hono/zod-openapi';
import { ORG_ROLES } from '../../domain/orgs/org-roles';

export const orgRoleSchema = z.enum(ORG_ROLES, { message: `must be one of ${ORG_ROLES.join(', ')}` });

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'must be 1–48 lowercase letters, digits or dashes');

export const createOrgSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(120, 'must be at most 120 characters'),
    slug: slugSchema,
  })
  .openapi('CreateOrganization');

export const orgSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    role: orgRoleSchema,
    ssoRequired: z.boolean(),
  })
  .openapi('Organization');

export const orgMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: orgRoleSchema,
    joinedAt: z.string(),
  })
  .openapi('OrganizationMember');

export const addMemberSchema = z
  .object({
    email: z.email('must be an e-mail address').trim().toLowerCase(),
    role: orgRoleSchema.default('member'),
  })
  .openapi('AddOrganizationMember');

export const changeRoleSchema = z.object({ role: orgRoleSchema }).openapi('ChangeOrganizationRole');

export const slugParams = z.object({
  slug: slugSchema.openapi({ param: { name: 'slug', in: 'path' } }),
});
export const memberParams = slugParams.extend({
  userId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'userId', in: 'path' } }),
});

export type CreateOrgInput = z.infer<typeof createOrgSchema>;
