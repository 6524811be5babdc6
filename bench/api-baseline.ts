// The bare baseline for `npm run bench:api`: Hono on @hono/node-server with one `pg` query per request,
// answering the home page's reads with the same JSON envelopes Corner sends, on the same PostgreSQL.
// It checks no signature and runs no rule: it is what the hardware, Node, Hono and the database cost,
// so Corner's figures read as a share of it. Started as a child by bench/api.ts.
// Env: DATABASE_URL, PORT (loopback only).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = new Hono();

// The session cookie is `token.signature`; the baseline looks the token up and trusts it.
const tokenOf = (cookie: string | undefined) => (cookie ?? '').split('.')[0] ?? '';

app.get('/api/auth/get-session', async (c) => {
  const { rows } = await pool.query(
    `select s.id, s.token, s.expires_at as "expiresAt", s.user_id as "userId", u.name, u.email,
            u.time_zone as "timeZone"
       from session s join "user" u on u.id = s.user_id where s.token = $1`,
    [tokenOf(getCookie(c, 'better-auth.session_token'))],
  );
  const row = rows[0];
  if (!row) return c.json(null);
  return c.json({
    session: { id: row.id, token: row.token, expiresAt: row.expiresAt, userId: row.userId },
    user: { id: row.userId, name: row.name, email: row.email, timeZone: row.timeZone },
  });
});

// The other reads are keyed by the signed-in person, as Corner's are; the bench passes their id.
const userId = process.env.BENCH_USER_ID ?? '';

app.get('/api/v1/readiness/results', async (c) => {
  const { rows } = await pool.query(
    `select id, created_at as "createdAt", answers, result from readiness_results
      where user_id = $1 order by created_at desc`,
    [userId],
  );
  return c.json({ results: rows });
});

app.get('/api/v1/goals', async (c) => {
  const { rows } = await pool.query(
    `select id, title, category, target_date as "targetDate", motivation, pattern, status,
            shared_with_guides as "sharedWithGuides", created_at as "createdAt", updated_at as "updatedAt"
       from goals where user_id = $1 and status = $2 order by created_at desc`,
    [userId, c.req.query('status') ?? 'active'],
  );
  return c.json({ goals: rows });
});

app.get('/api/v1/feedback-requests', async (c) => {
  const { rows } = await pool.query(
    `select r.id, r.question, r.moment, r.giver_name as "giverName", r.expires_at as "expiresAt",
            r.shared_with_guide as "sharedWithGuide", r.thanked_at as "thankedAt",
            r.created_at as "createdAt", g.title as "goalTitle", a.answer
       from feedback_requests r join goals g on g.id = r.goal_id
       left join feedback_answers a on a.request_id = r.id
      where r.user_id = $1 order by r.created_at desc`,
    [userId],
  );
  return c.json({ requests: rows });
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log('baseline ready'),
);
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
