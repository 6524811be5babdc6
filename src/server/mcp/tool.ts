import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';

export type ToolContext = { db: Db; actor: Actor; now: Date };

// One MCP tool: a zod input (validated by the SDK, as routes validate requests) and a run function that
// calls the same operation the HTTP route calls, with an Actor built from the access token's owner.
export type McpTool<T extends z.ZodObject = z.ZodObject> = {
  name: string;
  title: string;
  description: string;
  inputSchema: T;
  readOnly: boolean;
  run: (context: ToolContext, input: z.infer<T>) => Promise<unknown>;
};

export const defineTool = <T extends z.ZodObject>(tool: McpTool<T>): McpTool<T> => tool;
