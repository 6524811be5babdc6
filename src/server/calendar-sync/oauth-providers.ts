import type { CalendarOAuthSettings } from '../config';

// The OAuth clients of the calendar services Corner can connect through their own APIs. The endpoints are
// the documented production ones; tests point them at a local server that replays recorded responses.

export type OAuthProviderName = 'google' | 'microsoft';
export const oauthProviderNames = ['google', 'microsoft'] as const;

export type OAuthProvider = {
  name: OAuthProviderName;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /** The consent page the person is sent to. */
  authorizeUrl: string;
  /** Where codes and refresh tokens are exchanged for access tokens. */
  tokenUrl: string;
  /** The calendar API's root (Google: https://www.googleapis.com/, Graph: https://graph.microsoft.com/v1.0). */
  apiBaseUrl: string;
  scopes: string[];
};

export type CalendarProviders = Partial<Record<OAuthProviderName, OAuthProvider>>;

/** Read-write calendar access (sessions are written into the chosen calendar) and who the account is. */
const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.readonly',
  'https://www.googleapis.com/auth/calendar.events',
  'openid',
  'email',
];
const MICROSOFT_SCOPES = ['offline_access', 'User.Read', 'Calendars.ReadWrite'];

export function calendarProvidersFrom(settings: CalendarOAuthSettings): CalendarProviders {
  const providers: CalendarProviders = {};
  if (settings.google) {
    providers.google = {
      name: 'google',
      ...settings.google,
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      apiBaseUrl: 'https://www.googleapis.com/',
      scopes: GOOGLE_SCOPES,
    };
  }
  if (settings.microsoft) {
    const { tenant, ...client } = settings.microsoft;
    const authority = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0`;
    providers.microsoft = {
      name: 'microsoft',
      ...client,
      authorizeUrl: `${authority}/authorize`,
      tokenUrl: `${authority}/token`,
      apiBaseUrl: 'https://graph.microsoft.com/v1.0',
      scopes: MICROSOFT_SCOPES,
    };
  }
  return providers;
}

/** The consent page address, asking for a refresh token (offline access) so Corner can sync later. */
export function consentUrl(provider: OAuthProvider, state: string): string {
  const url = new URL(provider.authorizeUrl);
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', provider.redirectUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', provider.scopes.join(' '));
  url.searchParams.set('state', state);
  if (provider.name === 'google') {
    url.searchParams.set('access_type', 'offline');
    // Without consent Google sends a refresh token only the first time an account grants access.
    url.searchParams.set('prompt', 'consent');
    url.searchParams.set('include_granted_scopes', 'true');
  } else {
    url.searchParams.set('response_mode', 'query');
    url.searchParams.set('prompt', 'select_account');
  }
  return url.toString();
}

/** What is stored (encrypted) for an OAuth connection. The access token is a cache; the refresh token is the secret. */
export type OAuthTokens = { refreshToken: string; accessToken: string | null; expiresAt: number | null };

export function parseTokens(secret: string): OAuthTokens {
  const value = JSON.parse(secret) as Partial<OAuthTokens>;
  if (typeof value.refreshToken !== 'string' || value.refreshToken.length === 0) {
    throw new Error('the stored authorization has no refresh token');
  }
  return {
    refreshToken: value.refreshToken,
    accessToken: typeof value.accessToken === 'string' ? value.accessToken : null,
    expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : null,
  };
}

/** The service no longer accepts Corner's authorization (revoked, expired refresh token, consent withdrawn). */
export class AuthorizationRevokedError extends Error {}

type TokenAnswer = {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
};

/**
 * The OAuth 2.0 token request (RFC 6749 §4.1.3 / §6), for Microsoft's identity platform. Google's goes
 * through google-auth-library's OAuth2Client, which also refreshes on its own.
 */
export async function requestTokens(
  provider: OAuthProvider,
  grant: { code: string } | { refreshToken: string },
  previousRefreshToken?: string,
): Promise<OAuthTokens> {
  const body = new URLSearchParams({
    client_id: provider.clientId,
    client_secret: provider.clientSecret,
    scope: provider.scopes.join(' '),
    ...('code' in grant
      ? { grant_type: 'authorization_code', code: grant.code, redirect_uri: provider.redirectUrl }
      : { grant_type: 'refresh_token', refresh_token: grant.refreshToken }),
  });
  let response: Response;
  try {
    response = await fetch(provider.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new Error(`the sign-in service did not answer (${error instanceof Error ? error.message : error})`);
  }
  const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (!response.ok || !answer.access_token) {
    if (answer.error === 'invalid_grant' || response.status === 400 || response.status === 401) {
      throw new AuthorizationRevokedError(
        answer.error_description ?? answer.error ?? `HTTP ${response.status}`,
      );
    }
    throw new Error(`the sign-in service answered HTTP ${response.status}`);
  }
  const refreshToken =
    answer.refresh_token ?? ('refreshToken' in grant ? grant.refreshToken : previousRefreshToken);
  if (!refreshToken) throw new AuthorizationRevokedError('no refresh token was granted');
  return {
    refreshToken,
    accessToken: answer.access_token,
    expiresAt: Date.now() + (answer.expires_in ?? 3600) * 1000,
  };
}
