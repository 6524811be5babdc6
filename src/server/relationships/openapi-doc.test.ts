import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app';

describe('OpenAPI document', () => {
  it('describes the relationship, session, action, journal and message routes', async () => {
    const t = await createTestApp();
    try {
      const response = await t.app.request('/api/openapi.json');
      expect(response.status).toBe(200);
      const doc = (await response.json()) as { paths: Record<string, unknown> };
      for (const path of [
        '/v1/relationships/{relationshipId}',
        '/v1/relationships/{relationshipId}/agreements/{version}/accept',
        '/v1/sessions/{sessionId}/shared-notes',
        '/v1/actions/{actionId}',
        '/v1/journal/{entryId}/follow-ups',
        '/v1/relationships/{relationshipId}/messages',
        '/v1/me/guide-profile',
        '/v1/invitations/{token}',
      ]) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
      // The deprecated basics writer is gone; the full profile above holds the same fields.
      expect(Object.keys(doc.paths)).not.toContain('/v1/guide-profile');
    } finally {
      await t.close();
    }
  });
});
