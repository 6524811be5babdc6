import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

// The mail and worker settings: zero configuration means the outbox and an in-process worker; a
// wrong value stops start-up with a sentence naming the variable.
describe('mail and worker configuration', () => {
  it('defaults to the outbox, a sensible sender and both roles', () => {
    const config = loadConfig({}, '/tmp');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toBe('Corner <corner@localhost>');
    expect(config.roles).toEqual({ web: true, worker: true });
  });

  it('reads SMTP_URL, MAIL_FROM and CORNER_ROLES', () => {
    const config = loadConfig(
      {
        SMTP_URL: 'smtps://corner:secret@mail.example.com:465',
        MAIL_FROM: 'Corner <hello@example.com>',
        CORNER_ROLES: 'worker',
        DATABASE_URL: 'postgres://corner@db.example.com/corner',
      },
      '/tmp',
    );
    expect(config.smtpUrl).toBe('smtps://corner:secret@mail.example.com:465');
    expect(config.mailFrom).toBe('Corner <hello@example.com>');
    expect(config.roles).toEqual({ web: false, worker: true });
  });

  it('keeps the worker in the process that owns the embedded database', () => {
    expect(() => loadConfig({ CORNER_ROLES: 'web' }, '/tmp')).toThrow(/CORNER_ROLES must include worker/);
    const server = loadConfig({ CORNER_ROLES: 'web', DATABASE_URL: 'postgres://corner@db/corner' }, '/tmp');
    expect(server.roles).toEqual({ web: true, worker: false });
  });

  it.each([
    ['SMTP_URL', 'mail.example.com'],
    ['SMTP_URL', 'https://mail.example.com'],
    ['MAIL_FROM', 'not an address'],
    ['CORNER_ROLES', 'web,cron'],
  ])('refuses %s=%s with a sentence naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, '/tmp')).toThrow(name);
  });
});
