import { t } from '@lingui/core/macro';

// What a refused single sign-on means, for the person it happened to. better-auth sends the browser
// back to /sign-in with one of these codes.
function sentences(): Record<string, string> {
  return {
    invalid_provider: t`Your organization’s identity provider answered with something Corner could not trust, so you were not signed in. Try again; if it keeps happening, tell your organization’s admin.`,
    state_mismatch: t`That sign-in link was already used or has expired, so you were not signed in. Start again from this page.`,
    invalid_state: t`That sign-in link was already used or has expired, so you were not signed in. Start again from this page.`,
    invalid_saml_response: t`Your organization’s identity provider sent a sign-in Corner could not verify, so you were not signed in. Tell your organization’s admin if it keeps happening.`,
    replay_detected: t`That sign-in was already used once, so you were not signed in. Start again from this page.`,
    account_not_linked: t`An account with this address already exists and could not be joined to your organization’s sign-in. Sign in with your password, or ask the Corner operator.`,
    ACCOUNT_DEACTIVATED: t`This account was deactivated by your organization, so it cannot sign in. If you think that is a mistake, ask your organization’s admin.`,
    access_denied: t`Sign-in was cancelled at your organization’s identity provider.`,
  };
}

export function ssoFailureSentence(code: string): string {
  return (
    sentences()[code] ??
    t`Signing in through your organization did not work, so you were not signed in. Try again, or tell your organization’s admin.`
  );
}
