import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { calendarKeyFrom } from './credentials';
import { calendarProvidersFrom, consentUrl } from './oauth-providers';
import { checkState, mintState, OAUTH_STATE_MINUTES } from './oauth-state';

describe('calendar OAuth settings', () => {
  it('offers a provider only with both its client id and secret, and says which one is missing', () => {
    expect(loadConfig({}).calendarOAuth).toEqual({});
    expect(() => loadConfig({ GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ MICROSOFT_CLIENT_SECRET: 'secret' })).toThrow(/MICROSOFT_CLIENT_SECRET/);
  });

  it('derives the redirect from PUBLIC_URL unless one is given, and builds the documented endpoints', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://corner.example.com',
      GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'g-secret',
      MICROSOFT_CLIENT_ID: '00001111-aaaa-2222-bbbb-3333cccc4444',
      MICROSOFT_CLIENT_SECRET: 'm-secret',
      MICROSOFT_TENANT: 'organizations',
      MICROSOFT_REDIRECT_URL: 'https://corner.example.com/custom/callback',
    });
    expect(config.calendarOAuth.google?.redirectUrl).toBe(
      'https://corner.example.com/api/v1/me/calendar-connections/google/callback',
    );
    expect(config.calendarOAuth.microsoft?.redirectUrl).toBe('https://corner.example.com/custom/callback');
    const providers = calendarProvidersFrom(config.calendarOAuth);
    expect(providers.google?.tokenUrl).toBe('https://oauth2.googleapis.com/token');
    expect(providers.microsoft?.tokenUrl).toBe(
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/token',
    );
    const microsoft = providers.microsoft;
    if (!microsoft) throw new Error('microsoft should be configured');
    const consent = new URL(consentUrl(microsoft, 'the-state'));
    expect(consent.searchParams.get('scope')).toBe('offline_access User.Read Calendars.ReadWrite');
    expect(consent.searchParams.get('state')).toBe('the-state');
  });
});

describe('OAuth state', () => {
  const key = calendarKeyFrom('a-calendar-key-that-is-long-enough-for-tests');
  const now = new Date('2026-12-07T16:00:00Z');

  it('is accepted for the same person, provider and browser within its time, refused otherwise', () => {
    const { state, nonce } = mintState(key, 'user-ana', 'google', now);
    const ok = { userId: 'user-ana', provider: 'google' as const, nonce, now };
    expect(checkState(key, state, ok)).toBeNull();
    expect(checkState(key, state, { ...ok, userId: 'user-eve' })).toMatch(/someone else/);
    expect(checkState(key, state, { ...ok, provider: 'microsoft' })).toMatch(/another calendar service/);
    expect(checkState(key, state, { ...ok, nonce: 'other' })).toMatch(/not started in this browser/);
    expect(checkState(key, state, { ...ok, nonce: undefined })).toMatch(/not started in this browser/);
    const later = new Date(now.getTime() + (OAUTH_STATE_MINUTES * 60 + 1) * 1000);
    expect(checkState(key, state, { ...ok, now: later })).toMatch(/too long/);
    const otherKey = calendarKeyFrom('another-calendar-key-that-is-long-enough');
    expect(checkState(otherKey, state, ok)).toMatch(/not one Corner issued/);
    expect(checkState(key, undefined, ok)).toMatch(/no state/);
  });
});
