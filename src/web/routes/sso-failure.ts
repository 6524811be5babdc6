// What a refused single sign-on means, for the person it happened to. better-auth sends the browser
// back to /sign-in with one of these codes.
const SENTENCES: Record<string, string> = {
  invalid_provider:
    'Your organization’s identity provider answered with something Corner could not trust, so you were not signed in. Try again; if it keeps happening, tell your organization’s admin.',
  state_mismatch:
    'That sign-in link was already used or has expired, so you were not signed in. Start again from this page.',
  invalid_state:
    'That sign-in link was already used or has expired, so you were not signed in. Start again from this page.',
  invalid_saml_response:
    'Your organization’s identity provider sent a sign-in Corner could not verify, so you were not signed in. Tell your organization’s admin if it keeps happening.',
  replay_detected:
    'That sign-in was already used once, so you were not signed in. Start again from this page.',
  account_not_linked:
    'An account with this address already exists and could not be joined to your organization’s sign-in. Sign in with your password, or ask the Corner operator.',
  access_denied: 'Sign-in was cancelled at your organization’s identity provider.',
};

export function ssoFailureSentence(code: string): string {
  return (
    SENTENCES[code] ??
    'Signing in through your organization did not work, so you were not signed in. Try again, or tell your organization’s admin.'
  );
}
