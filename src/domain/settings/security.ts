// Limits that slow down guessing and flooding. Each counts per client address (or per account) in a
// fixed window shared by every instance through the database.

/** Sign-in attempts one client address may make per window. */
export const SIGN_IN_ATTEMPTS_PER_ADDRESS = 20;
/** Accounts one client address may create per window. */
export const SIGN_UPS_PER_ADDRESS = 10;
/** Password-reset requests (asking for the mail or setting the new password) per address per window. */
export const PASSWORD_RESETS_PER_ADDRESS = 5;
/** Invitation acceptances one client address may attempt per window. */
export const INVITATION_ACCEPTS_PER_ADDRESS = 20;
/** The window for the per-address limits above. */
export const AUTH_RATE_WINDOW_SECONDS = 15 * 60;
/** Wrong passwords for one account before it is locked for a while, whichever addresses they came from. */
export const SIGN_IN_FAILURES_BEFORE_LOCKOUT = 5;
/** How long wrong passwords are counted, and how long a locked account stays locked. */
export const SIGN_IN_LOCKOUT_SECONDS = 15 * 60;
