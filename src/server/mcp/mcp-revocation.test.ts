import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { createAccessToken } from '../access-tokens/create-access-token';
import { revokeAccessToken } from '../access-tokens/revoke-access-token';
import type { Actor } from '../auth/actor';
import { createCornerMcpServer } from './server';

let t: TestApp;
let ana: Member;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t, 'Ana Member');
});
afterAll(() => t.close());

// The same server as `corner mcp`, in process: revoking a token in settings stops an assistant that is
// already connected, at its very next call.
describe('MCP token revocation', () => {
  it('refuses the next call once the token is revoked', async () => {
    const actor: Actor = { userId: ana.userId, email: ana.email, name: ana.name, timeZone: 'Europe/Berlin' };
    const { accessToken, token } = await createAccessToken(t.database.db, actor, 'assistant', t.clock.now);
    const server = createCornerMcpServer({
      db: t.database.db,
      token,
      clock: () => t.clock.now,
      version: 'test',
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(clientSide);
    try {
      const before = (await client.callTool({ name: 'list_goals', arguments: {} })) as { isError?: boolean };
      expect(before.isError).not.toBe(true);
      await revokeAccessToken(t.database.db, actor, accessToken.id, t.clock.now);
      const after = (await client.callTool({ name: 'list_goals', arguments: {} })) as {
        isError?: boolean;
        content: { text?: string }[];
      };
      expect(after.isError).toBe(true);
      expect(after.content[0]?.text).toMatch(/revoked/);
    } finally {
      await client.close();
    }
  });
});
