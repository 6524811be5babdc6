import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

describe('configuration', () => {
  it('runs embedded on localhost:3000 with data in ./.corner when nothing is set', () => {
    const config = loadConfig({}, '/srv/corner');
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      dataDir: path.resolve('/srv/corner', '.corner'),
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
    });
  });

  it('moves the data folder with CORNER_DATA_DIR and the port with PORT', () => {
    const config = loadConfig({ CORNER_DATA_DIR: '/var/lib/corner', PORT: '8080' }, '/srv');
    expect(config.dataDir).toBe('/var/lib/corner');
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ BETTER_AUTH_SECRET: 'short' }, /BETTER_AUTH_SECRET must be at least 32 characters/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be a full URL/],
    [
      { DATABASE_URL: 'postgres://db/corner', NODE_ENV: 'production' },
      /BETTER_AUTH_SECRET is required in production/,
    ],
  ])('stops with a sentence naming the setting for %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });
});
