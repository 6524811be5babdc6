import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { clientAddressResolver } from './trusted-proxies';

/** Records who the request comes from (c.var.clientAddress) for the per-address limits. */
export function resolveClientAddress(trustedProxies: string[]): MiddlewareHandler<AppEnv> {
  const resolve = clientAddressResolver(trustedProxies);
  return async (c, next) => {
    c.set('clientAddress', resolve(c));
    await next();
  };
}
