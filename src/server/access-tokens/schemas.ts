import { z } from '@hono/zod-openapi';

export const accessTokenIdParams = z.object({
  tokenId: z.uuid({ message: 'must be a token id' }).openapi({ param: { name: 'tokenId', in: 'path' } }),
});

export const createAccessTokenSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'must say where you will use it, e.g. "my assistant"')
      .max(80, 'must be at most 80 characters'),
  })
  .openapi('CreateAccessToken');

export const accessTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('AccessToken');

export const createdAccessTokenSchema = z
  .object({ accessToken: accessTokenSchema, token: z.string() })
  .openapi('CreatedAccessToken');

export type AccessTokenView = z.infer<typeof accessTokenSchema>;
