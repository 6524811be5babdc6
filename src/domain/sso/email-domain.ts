// Which addresses an SSO domain covers. A domain covers itself and its subdomains (acme.com covers
// a@acme.com and a@eu.acme.com), the way better-auth's sso plugin matches them.

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The domain as stored (lowercase, no trailing dot), or null when it is not a domain name. */
export function normalizeDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : null;
}

/** The part after the @ of an address, lowercased, or null when there is none. */
export function domainOfEmail(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  return normalizeDomain(email.trim().slice(at + 1));
}

export function domainCovers(domain: string, emailDomain: string): boolean {
  return emailDomain === domain || emailDomain.endsWith(`.${domain}`);
}
