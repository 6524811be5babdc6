import net from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** An IPv4/IPv6 address or a CIDR range such as 10.0.0.0/8. */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export type ClientAddressResolver = (c: Context) => string;

// The address a request comes from, for per-address limits. X-Forwarded-For is read only when the
// direct peer is one of our proxies, and then from the right: each trusted hop appends the address it
// saw, so the first untrusted entry from the right is the real client (anything left of it the client
// may have written itself).
export function clientAddressResolver(trustedProxies: string[]): ClientAddressResolver {
  const trusted = new net.BlockList();
  for (const entry of trustedProxies) {
    const [address = '', prefix] = entry.split('/');
    const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, Number(prefix), type);
  }
  const isTrusted = (address: string) => {
    const plain = unmapped(address);
    return trusted.check(plain, net.isIPv6(plain) ? 'ipv6' : 'ipv4');
  };
  return (c) => {
    const peer = socketAddress(c);
    if (!peer || !net.isIP(unmapped(peer))) return peer ?? 'unknown';
    if (trustedProxies.length === 0 || !isTrusted(peer)) return unmapped(peer);
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => net.isIP(unmapped(hop)) !== 0);
    for (let index = hops.length - 1; index >= 0; index -= 1) {
      const hop = hops[index] ?? '';
      if (!isTrusted(hop)) return unmapped(hop);
    }
    return unmapped(hops[0] ?? peer);
  };
}

// Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d; one client, one key.
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

// The socket's peer as @hono/node-server passes it; requests made in-process with app.request() have
// no socket unless the caller passes one (getConnInfo then throws).
function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
