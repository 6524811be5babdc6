import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

// A local HTTP server that answers like a third-party API from recorded responses (JSON files under
// test/fixtures/<service>/), for the services tests cannot reach (Google Calendar, Microsoft Graph).
// Routes are matched in order; each may answer from a fixture or compute an answer from the request.
// Every request is kept, so a test can check what the client library really sent.

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
};
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
export type Route = {
  method: string;
  path: string | RegExp;
  answer: (request: RecordedRequest, match: RegExpMatchArray | null) => Answer;
};

export type RecordedApi = {
  url: string;
  requests: RecordedRequest[];
  /** Routes tried before the standing ones, for one test's special case; cleared by reset(). */
  override: (...routes: Route[]) => void;
  reset: () => void;
  close: () => Promise<void>;
};

export function fixture(service: string, name: string): unknown {
  const file = path.resolve(import.meta.dirname, '../fixtures', service, name);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export async function startRecordedApi(routes: Route[]): Promise<RecordedApi> {
  const requests: RecordedRequest[] = [];
  let overrides: Route[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      let answer: Answer = {
        status: 404,
        body: { error: { code: 404, message: `no recording for ${request.method} ${request.path}` } },
      };
      for (const route of [...overrides, ...routes]) {
        if (route.method !== request.method) continue;
        const match =
          typeof route.path === 'string'
            ? route.path === request.path
              ? null
              : undefined
            : request.path.match(route.path);
        if (match === undefined || (typeof route.path !== 'string' && !match)) continue;
        answer = route.answer(request, match);
        break;
      }
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      outgoing.writeHead(answer.status, {
        ...(body ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
        ...answer.headers,
      });
      outgoing.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    override: (...more) => {
      overrides = more;
    },
    reset: () => {
      overrides = [];
      requests.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
