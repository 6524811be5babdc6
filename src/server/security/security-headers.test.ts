import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fromAddress,
  signUp,
  type TestApp,
  uniqueAddress,
} from '../../../test/support/test-app';

// Headers on every kind of response; and sign-up / sign-in answers that do not tell whether an
// e-mail address has an account.
let t: TestApp;
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp();
});

describe('security headers', () => {
  it.each(['/api/v1/me', '/api/health', '/api/openapi.json', '/calendar/x'])('are on %s', async (path) => {
    const response = await t.app.request(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

const post = (path: string, body: Record<string, string>) =>
  t.app.request(
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify(body),
    },
    fromAddress(uniqueAddress()),
  );

describe('generic sign-up and sign-in answers', () => {
  it('sign-up with an existing e-mail does not say it exists', async () => {
    const existing = await signUp(t, 'Eve Existing');
    const again = await post('/api/auth/sign-up/email', {
      name: 'Someone',
      email: existing.email,
      password: 'another-long-password',
    });
    expect(again.ok).toBe(false);
    const text = await again.text();
    expect(text.toLowerCase()).not.toContain('exist');
    expect(text).toContain('We could not create an account with these details');
  });

  it('a wrong password and an unknown e-mail get the same answer', async () => {
    const known = await signUp(t, 'Kim Known');
    const wrong = await post('/api/auth/sign-in/email', { email: known.email, password: 'not-the-password' });
    const unknown = await post('/api/auth/sign-in/email', {
      email: `nobody-${Date.now()}-${process.pid}@example.test`,
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(unknown.status);
    expect(await wrong.text()).toBe(await unknown.text());
  });
});
