import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import {
  AccessTokenRefused,
  authenticateAccessToken,
} from '../server/access-tokens/authenticate-access-token';
import { loadConfig } from '../server/config';
import { createCornerMcpServer } from '../server/mcp/server';
import { openRuntime } from '../server/runtime';
import { CliUsageError } from './export-command';

// stdout belongs to the MCP protocol; everything meant for people goes to stderr.
export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('serve your Corner to your own AI assistant over MCP (stdio); needs CORNER_TOKEN')
    .action(async () => {
      const token = process.env.CORNER_TOKEN?.trim();
      if (!token) {
        throw new CliUsageError(
          'Set CORNER_TOKEN to a personal access token (create one in Corner under Settings → Access tokens).',
        );
      }
      const runtime = await openRuntime(loadConfig());
      try {
        await authenticateAccessToken(runtime.database.db, token, new Date());
      } catch (error) {
        await runtime.close();
        if (error instanceof AccessTokenRefused) throw new CliUsageError(error.detail);
        throw error;
      }
      const server = createCornerMcpServer({
        db: runtime.database.db,
        token,
        clock: () => new Date(),
        version: '1',
      });
      const closed = new Promise<void>((resolve) => {
        server.server.onclose = () => resolve();
      });
      await server.connect(new StdioServerTransport());
      const stop = () => void server.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.stdin.once('end', stop);
      await closed;
      await runtime.close();
    });
}
