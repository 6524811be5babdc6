import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { authenticateAccessToken } from '../access-tokens/authenticate-access-token';
import type { Db } from '../db/client';
import { Problem } from '../http/problem';
import { playbooks } from './playbooks';
import { mcpTools } from './tools';

export type McpServerOptions = { db: Db; token: string; clock: () => Date; version: string };

const problemCodes: Partial<Record<number, ErrorCode>> = {
  401: ErrorCode.InvalidRequest,
  404: ErrorCode.InvalidParams,
  409: ErrorCode.InvalidRequest,
  422: ErrorCode.InvalidParams,
};

// The person's own assistant works under their token: every call re-reads the token (so revoking it
// in settings stops the assistant at its next step) and runs the same operation as the HTTP API.
export function createCornerMcpServer(options: McpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'corner', version: options.version },
    {
      instructions:
        'Corner keeps a product person’s growth: goals with signs of progress, readiness checks and mirror feedback. Read the playbooks (corner://playbooks/…) for the method; the tools act on the signed-in person’s own data only.',
    },
  );
  for (const tool of mcpTools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        annotations: { readOnlyHint: tool.readOnly },
      },
      async (input: unknown) => {
        try {
          const now = options.clock();
          const actor = await authenticateAccessToken(options.db, options.token, now);
          const result = await tool.run({ db: options.db, actor, now }, tool.inputSchema.parse(input));
          return { content: [{ type: 'text' as const, text: JSON.stringify(result, null, 2) }] };
        } catch (error) {
          if (error instanceof Problem) {
            const where = error.field ? ` (${error.field})` : '';
            throw new McpError(
              problemCodes[error.status] ?? ErrorCode.InvalidRequest,
              `${error.detail}${where}`,
              {
                code: error.code,
                field: error.field,
              },
            );
          }
          throw error;
        }
      },
    );
  }
  for (const playbook of playbooks) {
    server.registerResource(
      playbook.slug,
      `corner://playbooks/${playbook.slug}`,
      { title: playbook.title, description: playbook.description, mimeType: 'text/markdown' },
      async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: playbook.markdown }] }),
    );
  }
  return server;
}
