import crypto from 'node:crypto';
import type { OAuthProviderName } from './oauth-providers';

// The OAuth `state`: which person started which connection, until when, and a nonce that must match the
// cookie set on the same browser. A state minted for one person is worthless to another (the callback
// checks the signed-in person), and a forged or replayed link without the cookie fails, so nobody can make
// someone else's Corner account connect a calendar they did not choose.

export const OAUTH_STATE_MINUTES = 10;
export const OAUTH_NONCE_COOKIE = 'corner_calendar_oauth';

type StatePayload = { u: string; p: OAuthProviderName; n: string; e: number };

function stateKey(calendarKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', calendarKey, 'corner', 'calendar oauth state v1', 32));
}

export function mintState(
  calendarKey: Buffer,
  userId: string,
  provider: OAuthProviderName,
  now: Date,
): { state: string; nonce: string } {
  const nonce = crypto.randomBytes(18).toString('base64url');
  const payload: StatePayload = {
    u: userId,
    p: provider,
    n: nonce,
    e: now.getTime() + OAUTH_STATE_MINUTES * 60_000,
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { state: `${body}.${sign(calendarKey, body)}`, nonce };
}

/** Why a state was refused, as a sentence; null when it is good. */
export function checkState(
  calendarKey: Buffer,
  state: string | undefined,
  expected: { userId: string; provider: OAuthProviderName; nonce: string | undefined; now: Date },
): string | null {
  if (!state) return 'The answer from the calendar service carries no state.';
  const [body, signature, extra] = state.split('.');
  if (!body || !signature || extra !== undefined) return 'The state is not one Corner issued.';
  const wanted = Buffer.from(sign(calendarKey, body));
  const given = Buffer.from(signature);
  if (wanted.length !== given.length || !crypto.timingSafeEqual(wanted, given)) {
    return 'The state is not one Corner issued.';
  }
  let payload: StatePayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StatePayload;
  } catch {
    return 'The state is not one Corner issued.';
  }
  if (payload.u !== expected.userId) return 'This connection was started by someone else.';
  if (payload.p !== expected.provider) return 'This answer belongs to another calendar service.';
  if (payload.e < expected.now.getTime()) return 'The connection took too long; start it again.';
  if (!expected.nonce || expected.nonce !== payload.n) {
    return 'This connection was not started in this browser; start it again.';
  }
  return null;
}

function sign(calendarKey: Buffer, body: string): string {
  return crypto.createHmac('sha256', stateKey(calendarKey)).update(body).digest('base64url');
}
