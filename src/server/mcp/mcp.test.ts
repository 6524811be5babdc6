import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../../test/support/fresh-database';
import { createAccessToken } from '../access-tokens/create-access-token';
import { revokeAccessToken } from '../access-tokens/revoke-access-token';
import type { Actor } from '../auth/actor';
import { loadConfig } from '../config';
import type { Db } from '../db/client';
import { goals, progressSigns, user } from '../db/schema';
import { openRuntime } from '../runtime';

const run = promisify(execFile);
const ROOT = process.cwd();

// The MCP server as an assistant meets it: `node bin/corner.js mcp` over stdio, driven by the SDK's own
// client, on a Corner prepared by the CLI (embedded data folder, or a fresh PostgreSQL database).
let env: Record<string, string>;
let cleanup: () => Promise<void> = async () => {};
const tokens = { maya: '', daniel: '', revoked: '' };
let mayaGoal = { id: '', signIds: [] as string[] };
let danielGoalId = '';

async function actorFor(db: Db, email: string): Promise<Actor> {
  const [row] = await db.select().from(user).where(eq(user.email, email));
  if (!row) throw new Error(`${email} missing`);
  return { userId: row.id, email: row.email, name: row.name, timeZone: row.timeZone };
}

async function firstGoal(db: Db, actor: Actor) {
  const [goal] = await db.select().from(goals).where(eq(goals.userId, actor.userId));
  if (!goal) throw new Error('demo goal missing');
  const signs = await db.select().from(progressSigns).where(eq(progressSigns.goalId, goal.id));
  return { id: goal.id, signIds: signs.sort((a, b) => a.position - b.position).map((s) => s.id) };
}

beforeAll(async () => {
  const base = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  delete base.DATABASE_URL;
  const fresh = process.env.CORNER_TEST_DB === 'postgres' ? await openFreshDatabase() : null;
  if (fresh?.url) {
    env = { ...base, DATABASE_URL: fresh.url };
    cleanup = () => fresh.close();
  } else {
    await fresh?.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-mcp-'));
    env = { ...base, CORNER_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await run('node', ['bin/corner.js', 'demo'], { cwd: ROOT, env });
  const runtime = await openRuntime(loadConfig(env, ROOT));
  try {
    const db = runtime.database.db;
    const maya = await actorFor(db, 'maya@demo.corner');
    const daniel = await actorFor(db, 'daniel@demo.corner');
    const now = new Date();
    tokens.maya = (await createAccessToken(db, maya, 'assistant', now)).token;
    tokens.daniel = (await createAccessToken(db, daniel, 'assistant', now)).token;
    const revoked = await createAccessToken(db, maya, 'old laptop', now);
    await revokeAccessToken(db, maya, revoked.accessToken.id, now);
    tokens.revoked = revoked.token;
    mayaGoal = await firstGoal(db, maya);
    danielGoalId = (await firstGoal(db, daniel)).id;
  } finally {
    await runtime.close();
  }
}, 240_000);
afterAll(() => cleanup());

async function connect(token: string): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: 'node',
    args: ['bin/corner.js', 'mcp'],
    cwd: ROOT,
    env: { ...env, CORNER_TOKEN: token },
    stderr: 'pipe',
  });
  let errors = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const client = new Client({ name: 'corner-test', version: '1' });
  await client.connect(transport);
  return { client, stderr: () => errors };
}

type TextResult = { isError?: boolean; content: { type: string; text?: string }[] };

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as TextResult;
  const text = result.content.map((part) => part.text ?? '').join('');
  return { isError: result.isError === true, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const readiness = {
  knowFrameworks: 5,
  wantPlaybook: 1,
  wantDirectAdvice: 2,
  whoNotWhat: 5,
  stuckDespiteKnowing: 5,
  adviceNotEnough: 5,
  findOwnAnswers: 4,
  newToArea: 1,
  fewPeers: 3,
  learnFromPeers: 3,
  oneNarrowProblem: 1,
  careerStage: 'exec',
  recentTransition: 'new-level',
  recurringFeedback: 'same',
  internalWork: 'ready',
  budget: 'company',
  time: 'regular',
  topic: 'leadership',
  wellbeing: false,
};

describe('corner mcp', () => {
  it('lists the tools and the method playbooks, and every tool works for the token’s owner', async () => {
    const { client } = await connect(tokens.maya);
    try {
      const tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
      expect(tools).toEqual([
        'add_check_in',
        'add_journal_entry',
        'check_ask',
        'check_feedback_question',
        'check_goal',
        'check_readiness',
        'get_goal',
        'list_feedback_requests',
        'list_goals',
        'list_open_actions',
        'list_upcoming_sessions',
        'update_action',
      ]);
      const journal = await call(client, 'add_journal_entry', {
        body: 'What would the creative response be here?',
      });
      expect(journal.isError).toBe(false);
      expect(await call(client, 'list_open_actions', {})).toMatchObject({ isError: false });
      expect(await call(client, 'list_upcoming_sessions', {})).toMatchObject({ isError: false });
      const unknownAction = await call(client, 'update_action', {
        actionId: '00000000-0000-4000-8000-000000000000',
        update: { status: 'done' },
      });
      expect(unknownAction.isError).toBe(true);
      expect(unknownAction.text).toMatch(/action/i);
      const resources = (await client.listResources()).resources.map((r) => r.uri).sort();
      expect(resources).toEqual(
        ['coaching-questions', 'goals', 'mirror-method', 'readiness', 'smallest-ask'].map(
          (s) => `corner://playbooks/${s}`,
        ),
      );
      const playbook = await client.readResource({ uri: 'corner://playbooks/mirror-method' });
      expect(JSON.stringify(playbook.contents)).toContain('one real, recent moment');

      const listed = await call(client, 'list_goals', {});
      expect(listed.isError).toBe(false);
      expect((listed.json().goals as { id: string }[]).map((g) => g.id)).toEqual([mayaGoal.id]);
      const goal = await call(client, 'get_goal', { goalId: mayaGoal.id });
      expect((goal.json().checkIns as unknown[]).length).toBe(4);

      const checkIn = await call(client, 'add_check_in', {
        goalId: mayaGoal.id,
        note: 'Logged from my assistant',
        ratings: mayaGoal.signIds.map((signId) => ({ signId, score: 8 })),
      });
      expect(checkIn.isError).toBe(false);
      expect((checkIn.json().checkIns as { note: string }[]).at(-1)?.note).toBe('Logged from my assistant');

      const dryRun = await call(client, 'check_readiness', { answers: readiness });
      expect(dryRun.json()).toMatchObject({ saved: false });
      expect(JSON.stringify(dryRun.json().recommendations)).toContain('coach');
      const saved = await call(client, 'check_readiness', { answers: readiness, save: true });
      expect(saved.json()).toMatchObject({ saved: true });
      expect(saved.json().id).toEqual(expect.any(String));

      const goalCheck = await call(client, 'check_goal', { title: 'get better at strategy' });
      expect(goalCheck.json().ok).toBe(false);
      const ask = await call(client, 'check_ask', { text: 'Would you be my mentor? Can we grab coffee?' });
      expect(JSON.stringify(ask.json().issues)).toContain('mentor-request');
      const question = await call(client, 'check_feedback_question', { question: 'Any feedback?' });
      expect(JSON.stringify(question.json().issues)).toContain('vague');
      const feedback = await call(client, 'list_feedback_requests', {});
      expect(feedback.json()).toEqual({ requests: [] });

      const invalid = await call(client, 'add_check_in', {
        goalId: mayaGoal.id,
        ratings: [{ signId: mayaGoal.signIds[0], score: 11 }],
      });
      expect(invalid.isError).toBe(true);
      expect(invalid.text).toMatch(/1 to 10/);
    } finally {
      await client.close();
    }
  }, 180_000);

  it('cannot read or write another person’s data with one’s own token', async () => {
    const maya = await connect(tokens.maya);
    try {
      const read = await call(maya.client, 'get_goal', { goalId: danielGoalId });
      expect(read.isError).toBe(true);
      expect(read.text).toContain('No goal with that id');
      const write = await call(maya.client, 'add_check_in', {
        goalId: danielGoalId,
        note: 'intruder',
        ratings: mayaGoal.signIds.map((signId) => ({ signId, score: 1 })),
      });
      expect(write.isError).toBe(true);
    } finally {
      await maya.client.close();
    }
    const daniel = await connect(tokens.daniel);
    try {
      const own = await call(daniel.client, 'get_goal', { goalId: danielGoalId });
      expect((own.json().checkIns as { note: string }[]).map((c) => c.note)).not.toContain('intruder');
      const mine = await call(daniel.client, 'get_goal', { goalId: mayaGoal.id });
      expect(mine.isError).toBe(true);
    } finally {
      await daniel.client.close();
    }
  }, 180_000);

  it('refuses a revoked token', async () => {
    const transport = new StdioClientTransport({
      command: 'node',
      args: ['bin/corner.js', 'mcp'],
      cwd: ROOT,
      env: { ...env, CORNER_TOKEN: tokens.revoked },
      stderr: 'pipe',
    });
    let errors = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const client = new Client({ name: 'corner-test', version: '1' });
    await expect(client.connect(transport)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toContain('not valid or was revoked');
  }, 120_000);
});
