import { describe, expect, it } from 'vitest';
import { emptyPairHealth, publishConfirmation } from './publish-wording';

describe('publishing wording', () => {
  it.each([
    [1, 'Publish 1 pair?', 'Publish and mail 2 people'],
    [12, 'Publish 12 pairs?', 'Publish and mail 24 people'],
  ])('%i pairs', (pairs, title, confirm) => {
    const text = publishConfirmation(pairs);
    expect(text.title).toBe(title);
    expect(text.confirm).toBe(confirm);
    expect(text.body).toContain(`${pairs * 2} people get an e-mail`);
  });

  it('does not ask to publish after publishing', () => {
    expect(emptyPairHealth(true)).not.toMatch(/Publish a matching/);
    expect(emptyPairHealth(false)).toMatch(/Publish a matching/);
  });
});
