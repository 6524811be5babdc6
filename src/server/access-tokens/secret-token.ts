import crypto from 'node:crypto';
import { SECRET_TOKEN_BYTES } from '../../domain/settings/growth-tools';

// Secrets handed to people (feedback links, access tokens) are random and stored only as a SHA-256
// hash: with 256 bits of entropy a plain fast hash is enough, and a database leak opens nothing.
export function newSecretToken(prefix = ''): { token: string; hash: string } {
  const token = `${prefix}${crypto.randomBytes(SECRET_TOKEN_BYTES).toString('base64url')}`;
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
