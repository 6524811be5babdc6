import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  fromAddress,
  signUp,
  type TestApp,
  uniqueAddress,
} from '../../../test/support/test-app';
import { FEEDBACK_LINK_REQUESTS_PER_WINDOW } from '../../domain/settings/growth-tools';
import {
  INVITATION_ACCEPTS_PER_ADDRESS,
  SIGN_IN_ATTEMPTS_PER_ADDRESS,
  SIGN_IN_FAILURES_BEFORE_LOCKOUT,
} from '../../domain/settings/security';

// The attacks: guess passwords as fast as possible, dodge the per-address count by writing a new
// X-Forwarded-For on each try, or spread the guesses over the instances behind the load balancer.
// Every key here is unique to the test (addresses and e-mails), since test files share one database.
let one: TestApp;
let two: TestApp;
let proxied: TestApp;
afterAll(async () => {
  await proxied.close();
  await two.close();
  await one.close();
});
let proxy: string;
beforeAll(async () => {
  one = await createTestApp();
  two = await createTestApp(undefined, { sharing: one });
  proxy = uniqueAddress();
  proxied = await createTestApp(undefined, { sharing: one, trustedProxies: [proxy] });
});

let emails = 0;
const someEmail = () => `guess-${Date.now()}-${process.pid}-${++emails}@example.test`;

function signIn(
  app: TestApp,
  email: string,
  password: string,
  socket: string,
  headers: Record<string, string> = {},
) {
  return app.app.request(
    '/api/auth/sign-in/email',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', ...headers },
      body: JSON.stringify({ email, password }),
    },
    fromAddress(socket),
  );
}

describe('sign-in per client address', () => {
  it('counts one socket address however X-Forwarded-For changes when no proxy is trusted', async () => {
    const attacker = uniqueAddress();
    for (let attempt = 0; attempt < SIGN_IN_ATTEMPTS_PER_ADDRESS; attempt += 1) {
      const response = await signIn(one, someEmail(), 'wrong-password-1', attacker, {
        'x-forwarded-for': uniqueAddress(),
      });
      expect(response.status).toBe(401);
    }
    const refused = await signIn(one, someEmail(), 'wrong-password-1', attacker, {
      'x-forwarded-for': uniqueAddress(),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { code: string }).code).toBe('rate-limited');
  });

  it('counts each client the trusted proxy reports separately', async () => {
    const clientA = uniqueAddress();
    const clientB = uniqueAddress();
    for (let attempt = 0; attempt < SIGN_IN_ATTEMPTS_PER_ADDRESS; attempt += 1) {
      expect(
        (await signIn(proxied, someEmail(), 'wrong-password-1', proxy, { 'x-forwarded-for': clientA }))
          .status,
      ).toBe(401);
    }
    expect((await signIn(proxied, someEmail(), 'wrong', proxy, { 'x-forwarded-for': clientA })).status).toBe(
      429,
    );
    // A client can write its own X-Forwarded-For; the proxy appends the real one, the rightmost.
    expect(
      (
        await signIn(proxied, someEmail(), 'wrong', proxy, {
          'x-forwarded-for': `${uniqueAddress()}, ${clientA}`,
        })
      ).status,
    ).toBe(429);
    expect((await signIn(proxied, someEmail(), 'wrong', proxy, { 'x-forwarded-for': clientB })).status).toBe(
      401,
    );
  });

  it('holds across two instances on one database', async () => {
    const attacker = uniqueAddress();
    for (let attempt = 0; attempt < SIGN_IN_ATTEMPTS_PER_ADDRESS; attempt += 1) {
      const instance = attempt % 2 === 0 ? one : two;
      expect((await signIn(instance, someEmail(), 'wrong-password-1', attacker)).status).toBe(401);
    }
    expect((await signIn(one, someEmail(), 'wrong', attacker)).status).toBe(429);
    expect((await signIn(two, someEmail(), 'wrong', attacker)).status).toBe(429);
  });
});

describe('per-account lockout', () => {
  it('locks an account after wrong passwords from many addresses, with a sentence; other accounts are not locked', async () => {
    const victim = await signUp(one, 'Lou Locked');
    for (let attempt = 0; attempt < SIGN_IN_FAILURES_BEFORE_LOCKOUT; attempt += 1) {
      const instance = attempt % 2 === 0 ? one : two;
      expect((await signIn(instance, victim.email, 'wrong-password-1', uniqueAddress())).status).toBe(401);
    }
    const attacker = uniqueAddress();
    // Even the right password is refused while the account is locked.
    const locked = await signIn(two, victim.email.toUpperCase(), 'correct-horse-battery', attacker);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await locked.json()) as { code: string; detail: string; message: string };
    expect(body.code).toBe('account-locked');
    expect(body.message).toMatch(/locked.*Try again in \d+ (seconds|minutes)/);
    const other = await signUp(one, 'Olga Other');
    expect((await signIn(one, other.email, 'correct-horse-battery', attacker)).status).toBe(200);
  });
});

describe('feedback link and invitation accept', () => {
  it('limits one feedback link across two instances, whichever addresses ask', async () => {
    const member = await signUp(one, 'Fay Feedback');
    const goal = await member.request('/api/v1/goals', {
      method: 'POST',
      body: { title: 'Run calmer planning meetings', category: 'eq', targetDate: '2027-04-30' },
    });
    expect(goal.status).toBe(201);
    const goalId = ((await goal.json()) as { id: string }).id;
    const created = await member.request('/api/v1/feedback-requests', {
      method: 'POST',
      body: {
        goalId,
        question: 'In Thursday’s roadmap review, did I come across as open to challenge, or defensive?',
        giverName: 'Sam',
      },
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const read = (instance: TestApp) =>
      instance.app.request(`/api/v1/public/feedback/${token}`, {}, fromAddress(uniqueAddress()));
    for (let attempt = 0; attempt < FEEDBACK_LINK_REQUESTS_PER_WINDOW; attempt += 1) {
      expect((await read(attempt % 2 === 0 ? one : two)).status).toBe(200);
    }
    expect((await read(one)).status).toBe(429);
    expect((await read(two)).status).toBe(429);
  });

  it('limits invitation accepts per address, across instances', async () => {
    const guesser = await signUp(one, 'Gus Guesser');
    const address = uniqueAddress();
    const accept = (instance: TestApp, attempt: number) =>
      instance.app.request(
        `/api/v1/invitations/not-a-real-token-${attempt}/accept`,
        { method: 'POST', headers: { origin: 'http://localhost:3000', cookie: guesser.cookie } },
        fromAddress(address),
      );
    for (let attempt = 0; attempt < INVITATION_ACCEPTS_PER_ADDRESS; attempt += 1) {
      expect((await accept(attempt % 2 === 0 ? one : two, attempt)).status).not.toBe(429);
    }
    const refused = await accept(two, -1);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('rate-limited');
  });
});
