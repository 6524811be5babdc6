import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { createOrg } from './create-org';
import { addOrgMember, changeOrgRole, listMyOrgs, listOrgMembers, removeOrgMember } from './org-members';
import {
  addMemberSchema,
  changeRoleSchema,
  createOrgSchema,
  memberParams,
  orgMemberSchema,
  orgSchema,
  slugParams,
} from './schemas';

const tags = ['Organizations'];
const memberResult = z.object({ userId: z.string(), role: z.string() });

export const orgRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/orgs',
      tags,
      summary: 'Organizations I belong to, with my role',
      responses: {
        200: json(z.object({ organizations: z.array(orgSchema) }), 'My organizations'),
        ...problemResponses,
      },
    }),
    async (c) => c.json({ organizations: await listMyOrgs(c.var.deps.db, actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/orgs',
      tags,
      summary: 'Create an organization (you become its owner)',
      request: jsonBody(createOrgSchema),
      responses: { 201: json(orgSchema, 'The new organization'), ...problemResponses, ...conflictResponse },
    }),
    async (c) => c.json(await createOrg(c.var.deps.db, actorOf(c).userId, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/members',
      tags,
      summary: 'The organization’s members and roles (owners, admins, coordinators)',
      request: { params: slugParams },
      responses: {
        200: json(z.object({ members: z.array(orgMemberSchema) }), 'Members'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json({ members: await listOrgMembers(c.var.deps.db, actorOf(c), c.req.valid('param').slug) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/members',
      tags,
      summary: 'Add a person with a Corner account (owners and admins)',
      request: { params: slugParams, ...jsonBody(addMemberSchema) },
      responses: { 201: json(memberResult, 'Added'), ...problemResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await addOrgMember(c.var.deps.db, actorOf(c), c.req.valid('param').slug, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/orgs/{slug}/members/{userId}',
      tags,
      summary: 'Change a member’s role (owners and admins; only owners touch owners)',
      request: { params: memberParams, ...jsonBody(changeRoleSchema) },
      responses: { 200: json(memberResult, 'Changed'), ...problemResponses },
    }),
    async (c) => {
      const { slug, userId } = c.req.valid('param');
      return c.json(
        await changeOrgRole(c.var.deps.db, actorOf(c), slug, userId, c.req.valid('json').role),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/members/{userId}',
      tags,
      summary: 'Remove a member (owners and admins)',
      request: { params: memberParams },
      responses: { 200: json(z.object({ removed: z.boolean() }), 'Removed'), ...problemResponses },
    }),
    async (c) => {
      const { slug, userId } = c.req.valid('param');
      await removeOrgMember(c.var.deps.db, actorOf(c), slug, userId);
      return c.json({ removed: true }, 200);
    },
  );
