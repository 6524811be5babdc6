import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/support/relationship-fixtures';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Basics = {
  exists: boolean;
  timeZone: string;
  capacity: number;
  availability: unknown[];
  headline: string;
};

describe('guide profile basics', () => {
  it('starts from defaults in my zone, rejects bad input, and saves my hours', async () => {
    const me = await signUp(t, 'Gia Guide', 'Asia/Tokyo');
    const empty = await json<Basics>(await me.request('/api/v1/guide-profile'), 200);
    expect(empty).toMatchObject({ exists: false, timeZone: 'Asia/Tokyo', availability: [] });
    const good = {
      headline: 'Staff PM, growth',
      kind: 'both',
      timeZone: 'Asia/Tokyo',
      capacity: 2,
      availability: [{ weekday: 2, start: '19:00', end: '21:00' }],
    };
    const badZone = await me.request('/api/v1/guide-profile', {
      method: 'PUT',
      body: { ...good, timeZone: 'Atlantis/Capital' },
    });
    expect(badZone.status).toBe(422);
    expect(((await badZone.json()) as { field: string }).field).toBe('timeZone');
    const backwards = await me.request('/api/v1/guide-profile', {
      method: 'PUT',
      body: { ...good, availability: [{ weekday: 2, start: '21:00', end: '19:00' }] },
    });
    expect(backwards.status).toBe(422);
    expect((await json<Basics>(await me.request('/api/v1/guide-profile'), 200)).exists).toBe(false);
    await json(await me.request('/api/v1/guide-profile', { method: 'PUT', body: good }), 200);
    const saved = await json<Basics>(
      await me.request('/api/v1/guide-profile', { method: 'PUT', body: { ...good, capacity: 3 } }),
      200,
    );
    expect(saved).toMatchObject({ exists: true, capacity: 3, headline: 'Staff PM, growth' });
    expect(saved.availability).toEqual(good.availability);
  });
});
