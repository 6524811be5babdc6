import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import { member, organization } from '../db/schema';
import { Problem } from '../http/problem';
import { operatorCreateOrg, operatorSetMember } from './operator-orgs';

// What `corner org create` and `corner org add-member` call.
let t: TestApp;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
});

describe('operator organizations (CLI)', () => {
  it('creates an organization with an owner named by e-mail, then sets a role', async () => {
    const boss = await signUp(t, 'Bea Boss');
    const helper = await signUp(t, 'Hal Helper');
    const slug = `cli-${process.pid}-${Date.now()}`;
    const created = await operatorCreateOrg(t.database.db, { name: 'Cli Corp', slug, owner: boss.email });
    const rows = await t.database.db.select().from(member).where(eq(member.organizationId, created.id));
    expect(rows.map((row) => [row.userId, row.role])).toEqual([[boss.userId, 'owner']]);
    await operatorSetMember(t.database.db, slug, helper.email, 'coordinator');
    await operatorSetMember(t.database.db, slug, helper.email, 'admin');
    const roles = await t.database.db
      .select({ role: member.role })
      .from(member)
      .where(eq(member.userId, helper.userId));
    expect(roles).toEqual([{ role: 'admin' }]);
  });

  it('refuses a bad slug or an unknown owner with a sentence and writes nothing', async () => {
    const slug = `cli-none-${process.pid}-${Date.now()}`;
    await expect(operatorCreateOrg(t.database.db, { name: 'Bad', slug: 'Has Spaces' })).rejects.toThrow(
      /--slug must be/,
    );
    const unknown = operatorCreateOrg(t.database.db, {
      name: 'Ghost Corp',
      slug,
      owner: 'ghost@example.test',
    });
    await expect(unknown).rejects.toBeInstanceOf(Problem);
    await expect(unknown).rejects.toThrow(/Nobody has a Corner account/);
    expect(await t.database.db.select().from(organization).where(eq(organization.slug, slug))).toEqual([]);
  });
});
