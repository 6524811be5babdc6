import { z } from '@hono/zod-openapi';

const WEB_PROTOCOLS = /^https?$/;
const WEB_OR_MAIL_PROTOCOLS = /^(https?|mailto)$/;

// Links people type end up as <a href>, in mails and in calendar files, where javascript: or data:
// would run or disguise themselves. Only web addresses (and mailto: where a person may give one) pass.
export function webUrl(
  message = 'must be a web address starting with https:// or http://',
  options: { mailto?: boolean } = {},
) {
  return z.url({ protocol: options.mailto ? WEB_OR_MAIL_PROTOCOLS : WEB_PROTOCOLS, message }).max(500);
}

/** For output built from stored values: true only for an http(s) address. */
export function isWebUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
