/** How often a SCIM token's "last used" time is written: a sync of thousands of people writes it once. */
export const SCIM_TOKEN_LAST_USED_WRITE_MS = 5 * 60 * 1000;
/** The longest label a person gives a SCIM token ("Okta production"). */
export const SCIM_TOKEN_LABEL_MAX = 80;
/** A SCIM group named "<cohort name><this>" invites its members to the cohort as guides. */
export const SCIM_GUIDE_GROUP_SUFFIX = ' guides';
