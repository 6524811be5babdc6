import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { organization } from '../../src/server/db/schema';
import { json } from './relationship-fixtures';
import { type Member, signUp, type TestApp } from './test-app';

export const SCIM_BASE = '/api/auth/scim/v2';
let orgCounter = 0;

export type ScimOrg = {
  owner: Member;
  slug: string;
  orgId: string;
  token: string;
  tokenId: string;
  scim: (
    method: string,
    pathAndQuery: string,
    body?: unknown,
    token?: string,
  ) => Promise<Response> | Response;
};

/** A SCIM request as an identity provider sends it: a bearer token, SCIM's media type, no cookie. */
export function scimRequest(t: TestApp, defaultToken: string) {
  return (method: string, pathAndQuery: string, body?: unknown, token = defaultToken) =>
    t.app.request(`${SCIM_BASE}${pathAndQuery}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/scim+json',
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json; charset=utf-8' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
}

/** An organization with its owner and a SCIM token made through Corner's own route. */
export async function createScimOrg(t: TestApp, name = 'Initech'): Promise<ScimOrg> {
  orgCounter += 1;
  const owner = await signUp(t, `${name} Owner`);
  const slug = `scim-${process.pid}-${Date.now()}-${orgCounter}`;
  await json(await owner.request('/api/v1/orgs', { method: 'POST', body: { name, slug } }), 201);
  const made = await json<{ token: string; details: { id: string } }>(
    await owner.request(`/api/v1/orgs/${slug}/scim-tokens`, { method: 'POST', body: { label: 'Okta' } }),
    201,
  );
  const [org] = await t.database.db.select().from(organization).where(eq(organization.slug, slug));
  if (!org) throw new Error('organization missing');
  return {
    owner,
    slug,
    orgId: org.id,
    token: made.token,
    tokenId: made.details.id,
    scim: scimRequest(t, made.token),
  };
}

export type FixtureStep = {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  expect?: { status: number; body?: Record<string, unknown> };
  expectAny?: number[];
  capture?: Record<string, string>;
  check?: string;
};
export type Fixture = { vendor: string; about: string; steps: FixtureStep[] };

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'scim');
export const loadFixture = (file: string): Fixture =>
  JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8')) as Fixture;

function fill(value: unknown, vars: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? `{{${key}}}`);
  if (Array.isArray(value)) return value.map((item) => fill(item, vars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, vars)]));
  }
  return value;
}

/**
 * Plays a vendor's request sequence against Corner, checking each answer, and calls `onCheck` after
 * a step that names a Corner effect to verify (deactivated, invited, ...), with the captured ids.
 */
export async function replayFixture(
  fixture: Fixture,
  scim: ScimOrg['scim'],
  vars: Record<string, string>,
  onCheck: (check: string, vars: Record<string, string>) => Promise<void> = async () => {},
) {
  const captured: Record<string, string> = { ...vars };
  for (const step of fixture.steps) {
    const response = await scim(step.method, fill(step.path, captured) as string, fill(step.body, captured));
    const text = await response.text();
    const label = `${fixture.vendor}: ${step.name} -> ${response.status} ${text.slice(0, 400)}`;
    if (step.expectAny) expect(step.expectAny, label).toContain(response.status);
    if (step.expect) {
      expect(response.status, label).toBe(step.expect.status);
      if (step.expect.body)
        expect(JSON.parse(text), label).toMatchObject(fill(step.expect.body, captured) as object);
    }
    if (response.status < 300 && text) {
      expect(response.headers.get('content-type'), label).toMatch(/application\/scim\+json/);
      const body = JSON.parse(text) as Record<string, unknown>;
      for (const [name, field] of Object.entries(step.capture ?? {})) captured[name] = String(body[field]);
    }
    if (step.check) await onCheck(step.check, captured);
  }
  return captured;
}
