import { secureHeaders } from 'hono/secure-headers';

// Headers on every response (API, single page, assets, calendar feed, API reference). Scripts only
// from our own files, never inline, so injected markup cannot run; styles may be inline because
// Mantine writes its CSS variables into a <style> element and sets style attributes. Tokens travel in
// URLs (calendar feed, feedback links), so no Referer ever leaves a page.
export function securityHeaders(publicUrl: string) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    // Browsers ignore HSTS over plain http, and sending it from a local http set-up that later moves
    // behind https would only confuse; it is sent when Corner is reached over https.
    strictTransportSecurity:
      new URL(publicUrl).protocol === 'https:' ? 'max-age=31536000; includeSubDomains' : false,
  });
}
