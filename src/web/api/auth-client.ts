import { ssoClient } from '@better-auth/sso/client';
import { inferAdditionalFields } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient({
  basePath: '/api/auth',
  // ssoClient: signIn.sso starts an organization's sign-in and follows the provider's address.
  plugins: [inferAdditionalFields({ user: { timeZone: { type: 'string', required: false } } }), ssoClient()],
});

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
