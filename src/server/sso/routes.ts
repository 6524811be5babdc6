import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Actor, actorOf } from '../auth/actor';
import type { AppEnv } from '../http/app-env';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { slugParams } from '../orgs/schemas';
import { createOidcProvider, createSamlProvider, type SsoDeps } from './create-sso-provider';
import { findSsoRoute } from './find-sso-route';
import {
  createOidcProviderSchema,
  createSamlProviderSchema,
  providerParams,
  ssoProviderSchema,
  ssoRequiredSchema,
  ssoRouteRequestSchema,
  ssoRouteSchema,
} from './schemas';
import { deleteSsoProvider, listSsoProviders, setSsoRequired } from './sso-providers';

const tags = ['Single sign-on'];

const ssoDeps = (c: Context<AppEnv>): SsoDeps => ({
  db: c.var.deps.db,
  publicUrl: c.var.deps.auth.publicUrl,
  identityProviderOrigins: c.var.deps.auth.identityProviderOrigins,
});
const member = (actor: Actor) => ({ kind: 'member' as const, actor });

export const ssoRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/sso/route',
      tags,
      summary: 'How an address signs in: its organization’s identity provider, or a password',
      security: [],
      request: jsonBody(ssoRouteRequestSchema),
      responses: { 200: json(ssoRouteSchema, 'Where to sign in'), ...problemResponses },
    }),
    async (c) => {
      const route = await findSsoRoute(c.var.deps.db, c.req.valid('json').email);
      return c.json(
        route
          ? { method: 'sso' as const, providerId: route.providerId, organization: route.orgName }
          : { method: 'password' as const },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{slug}/sso-providers',
      tags,
      summary: 'The organization’s identity providers (owners and admins)',
      request: { params: slugParams },
      responses: {
        200: json(z.object({ ssoRequired: z.boolean(), providers: z.array(ssoProviderSchema) }), 'Providers'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(await listSsoProviders(ssoDeps(c), member(actorOf(c)), c.req.valid('param').slug), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/sso-providers/oidc',
      tags,
      summary: 'Register an OpenID Connect provider (owners and admins; the operator approves its domain)',
      request: { params: slugParams, ...jsonBody(createOidcProviderSchema) },
      responses: { 201: json(ssoProviderSchema, 'Registered'), ...problemResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await createOidcProvider(
          ssoDeps(c),
          member(actorOf(c)),
          c.req.valid('param').slug,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{slug}/sso-providers/saml',
      tags,
      summary: 'Register a SAML 2.0 identity provider from its metadata (owners and admins)',
      request: { params: slugParams, ...jsonBody(createSamlProviderSchema) },
      responses: { 201: json(ssoProviderSchema, 'Registered'), ...problemResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await createSamlProvider(
          ssoDeps(c),
          member(actorOf(c)),
          c.req.valid('param').slug,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{slug}/sso-providers/{providerId}',
      tags,
      summary: 'Remove an identity provider (owners and admins)',
      request: { params: providerParams },
      responses: { 200: json(z.object({ removed: z.boolean() }), 'Removed'), ...problemResponses },
    }),
    async (c) => {
      const { slug, providerId } = c.req.valid('param');
      await deleteSsoProvider(c.var.deps.db, member(actorOf(c)), slug, providerId);
      return c.json({ removed: true }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/orgs/{slug}/sso-required',
      tags,
      summary: 'Require SSO for the organization’s domains: password sign-in is then refused for them',
      request: { params: slugParams, ...jsonBody(ssoRequiredSchema) },
      responses: { 200: json(ssoRequiredSchema, 'Changed'), ...problemResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await setSsoRequired(
          c.var.deps.db,
          member(actorOf(c)),
          c.req.valid('param').slug,
          c.req.valid('json').required,
        ),
        200,
      ),
  );
