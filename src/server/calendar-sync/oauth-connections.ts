import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { calendarConnections } from '../db/schema';
import { Problem } from '../http/problem';
import { newConnectedCalendars } from './connections';
import { type ConnectorFactory, connectorsFor } from './connectors';
import { encryptCredentials } from './credentials';
import { connectGoogle, googleClient } from './google-connector';
import { connectMicrosoft } from './microsoft-connector';
import {
  type CalendarProviders,
  consentUrl,
  type OAuthProvider,
  type OAuthProviderName,
  type OAuthTokens,
  requestTokens,
} from './oauth-providers';
import { checkState, mintState } from './oauth-state';
import { presentConnection } from './present';
import type { CalendarConnectionView } from './schemas';
import { syncConnection } from './sync-connection';

const LABELS: Record<OAuthProviderName, string> = { google: 'Google Calendar', microsoft: 'Microsoft 365' };

function configured(providers: CalendarProviders, name: OAuthProviderName): OAuthProvider {
  const provider = providers[name];
  if (!provider) {
    throw new Problem(
      422,
      'calendar-provider-not-configured',
      `${LABELS[name]} is not set up on this Corner installation (its OAuth client id and secret are missing); connect a CalDAV calendar instead, or ask whoever runs Corner to configure it.`,
      'provider',
    );
  }
  return provider;
}

/** Where to send the person to give consent, and the nonce their browser must bring back. */
export function startCalendarAuthorization(
  providers: CalendarProviders,
  key: Buffer,
  actor: Actor,
  name: OAuthProviderName,
  now: Date,
): { url: string; nonce: string } {
  const provider = configured(providers, name);
  const { state, nonce } = mintState(key, actor.userId, name, now);
  return { url: consentUrl(provider, state), nonce };
}

export type CallbackQuery = { code?: string; state?: string; error?: string };

/**
 * The provider's answer: the state is checked (same person, same browser, in time) before anything else,
 * the code exchanged for tokens, the calendars listed, and only then the connection saved (the refresh
 * token encrypted) and synced once. Connecting the same account again replaces its tokens.
 */
export async function completeCalendarAuthorization(
  db: Db,
  key: Buffer,
  providers: CalendarProviders,
  actor: Actor,
  name: OAuthProviderName,
  query: CallbackQuery,
  nonce: string | undefined,
  now: Date,
): Promise<{ outcome: 'denied' } | { outcome: 'connected'; connection: CalendarConnectionView }> {
  const provider = configured(providers, name);
  const refused = checkState(key, query.state, { userId: actor.userId, provider: name, nonce, now });
  if (refused) throw new Problem(400, 'calendar-oauth-state-rejected', refused, 'state');
  if (query.error) return { outcome: 'denied' };
  if (!query.code) {
    throw new Problem(422, 'invalid-input', 'code: the calendar service sent no authorization code.', 'code');
  }

  let tokens: OAuthTokens;
  let email: string;
  let calendars: Awaited<ReturnType<ReturnType<typeof connectGoogle>['listCalendars']>>;
  try {
    tokens = await exchangeCode(provider, query.code);
    const connector =
      name === 'google' ? connectGoogle({ provider, tokens }) : connectMicrosoft({ provider, tokens });
    email = await connector.accountEmail();
    calendars = await connector.listCalendars();
  } catch (error) {
    throw new Problem(
      422,
      'calendar-code-rejected',
      `${LABELS[name]} did not accept the authorization (${error instanceof Error ? error.message : String(error)}); start connecting again.`,
      'code',
    );
  }
  if (calendars.length === 0) {
    throw new Problem(
      422,
      'calendar-code-rejected',
      `This ${LABELS[name]} account has no calendars.`,
      'code',
    );
  }

  const credentials = encryptCredentials(key, JSON.stringify(tokens));
  const [existing] = await db
    .select({ id: calendarConnections.id })
    .from(calendarConnections)
    .where(
      and(
        eq(calendarConnections.userId, actor.userId),
        eq(calendarConnections.provider, name),
        eq(calendarConnections.username, email),
      ),
    );
  let id: string;
  if (existing) {
    await db.update(calendarConnections).set({ credentials }).where(eq(calendarConnections.id, existing.id));
    id = existing.id;
  } else {
    const [row] = await db
      .insert(calendarConnections)
      .values({
        userId: actor.userId,
        provider: name,
        displayName: LABELS[name],
        serverUrl: provider.apiBaseUrl,
        username: email,
        credentials,
        calendars: newConnectedCalendars(calendars),
        createdAt: now,
      })
      .returning({ id: calendarConnections.id });
    if (!row) throw new Error('insert returned no calendar connection');
    id = row.id;
  }
  const connect: ConnectorFactory = connectorsFor(providers);
  await syncConnection(db, key, id, now, connect);
  const [saved] = await db.select().from(calendarConnections).where(eq(calendarConnections.id, id));
  if (!saved) throw new Error('the calendar connection vanished after its first sync');
  return { outcome: 'connected', connection: presentConnection(saved) };
}

async function exchangeCode(provider: OAuthProvider, code: string): Promise<OAuthTokens> {
  if (provider.name === 'microsoft') return requestTokens(provider, { code });
  const { client } = googleClient({
    provider,
    tokens: { refreshToken: 'none', accessToken: null, expiresAt: null },
  });
  const { tokens } = await client.getToken(code);
  if (!tokens.refresh_token || !tokens.access_token) {
    throw new Error('Google granted no offline access');
  }
  return {
    refreshToken: tokens.refresh_token,
    accessToken: tokens.access_token,
    expiresAt: tokens.expiry_date ?? null,
  };
}
