import { type CalendarConnector, ConnectorUnavailableError, connectCaldav } from './caldav-connector';
import { connectGoogle } from './google-connector';
import { connectMicrosoft } from './microsoft-connector';
import { type CalendarProviders, type OAuthTokens, parseTokens } from './oauth-providers';

/** What a saved connection gives its connector: for OAuth services `password` is the stored token set. */
export type ConnectorInput = {
  provider?: 'caldav' | 'google' | 'microsoft';
  url: string;
  username: string;
  password: string;
  /** Keeps a refreshed token set (encrypted by the caller), so the next sync need not refresh again. */
  saveSecret?: (secret: string) => Promise<void>;
};

export type ConnectorFactory = (input: ConnectorInput) => Promise<CalendarConnector>;

/** The connector for each provider: CalDAV always, Google and Microsoft when their OAuth client is configured. */
export function connectorsFor(providers: CalendarProviders): ConnectorFactory {
  return async (input) => {
    const provider = input.provider ?? 'caldav';
    if (provider === 'caldav') return connectCaldav(input);
    const client = providers[provider];
    if (!client) {
      throw new ConnectorUnavailableError(
        `${provider === 'google' ? 'Google Calendar' : 'Microsoft 365'} is no longer configured on this Corner installation`,
      );
    }
    const tokens = parseTokens(input.password);
    const { saveSecret } = input;
    const save = saveSecret ? (fresh: OAuthTokens) => saveSecret(JSON.stringify(fresh)) : undefined;
    return provider === 'google'
      ? connectGoogle({ provider: client, tokens, save })
      : connectMicrosoft({ provider: client, tokens, save });
  };
}
