import crypto from 'node:crypto';

// Calendar credentials (app passwords, later OAuth refresh tokens) are stored as AES-256-GCM ciphertext
// under the install's calendar key, so a copy of the database (a backup, a dump) does not hold them in
// the clear. The stored form is `v1.<iv>.<tag>.<ciphertext>`, each part base64url.

const VERSION = 'v1';

/** The 32-byte key: CALENDAR_CREDENTIALS_KEY when set, else derived from the auth secret (HKDF). */
export function calendarKeyFrom(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, 'corner', 'calendar credentials v1', 32));
}

export function encryptCredentials(key: Buffer, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export class CredentialsUnreadable extends Error {}

export function decryptCredentials(key: Buffer, stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new CredentialsUnreadable('stored credentials are not in a known format');
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new CredentialsUnreadable('stored credentials cannot be decrypted with this key');
  }
}
