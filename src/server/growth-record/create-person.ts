import crypto from 'node:crypto';
import type { Auth } from '../auth/auth';
import type { CreatePerson } from './import-growth-record';

// A person restored from a record gets a real account with a random password, printed once by the
// CLI, so they can sign in and change it; nothing is created without a way in.
export function createPersonWithAuth(auth: Auth): CreatePerson {
  return async ({ name, email, timeZone }) => {
    const temporaryPassword = crypto.randomBytes(12).toString('base64url');
    const result = await auth.api.signUpEmail({
      body: { name, email, password: temporaryPassword, timeZone },
    });
    return { userId: result.user.id, temporaryPassword };
  };
}
