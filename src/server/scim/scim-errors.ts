// SCIM clients read errors in SCIM's own shape (RFC 7644 §3.12), so answers Corner gives before the
// plugin sees the request use it too.
export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export function scimError(status: number, detail: string, scimType?: string): Response {
  return new Response(
    JSON.stringify({
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(status),
      detail,
      ...(scimType ? { scimType } : {}),
    }),
    { status, headers: { 'content-type': 'application/scim+json' } },
  );
}

export const scimTooLarge = () => scimError(413, 'The request body is larger than 1 MB.');
