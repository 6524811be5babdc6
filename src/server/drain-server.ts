import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export type Drain = { drain: (timeoutMs: number) => Promise<void> };

// A graceful stop for the HTTP server: refuse new connections, let the requests in flight finish (each
// answered with `Connection: close`, so no keep-alive client sends another one down a closing socket),
// and cut whatever is still open once the bound has passed.
export function drainable(server: Server): Drain {
  const inFlight = new Set<ServerResponse<IncomingMessage>>();
  let draining = false;
  server.on('request', (_request: IncomingMessage, response: ServerResponse<IncomingMessage>) => {
    if (draining) response.setHeader('connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  return {
    drain: (timeoutMs) =>
      new Promise<void>((resolve) => {
        draining = true;
        for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
        const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
        // close() stops listening, closes idle keep-alive sockets and calls back once the last
        // connection has ended.
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
