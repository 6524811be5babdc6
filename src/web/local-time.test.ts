import { describe, expect, it } from 'vitest';
import { instantToLocalInput, localInputToInstant } from './local-time';

// The intro bug: a member in Berlin proposed 16:00; the guide in New York saw 10:00 but the answer form
// was prefilled with the UTC digits (15:00) read as New York time, so both saw 15:00 NY / 21:00 Berlin.
describe('datetime-local round trip across zones', () => {
  const berlin = 'Europe/Berlin';
  const newYork = 'America/New_York';
  const tokyo = 'Asia/Tokyo';

  it('the guide in New York accepts exactly the time the member in Berlin proposed', () => {
    const proposed = localInputToInstant('2026-12-08T16:00', berlin);
    expect(proposed).toBe('2026-12-08T15:00:00Z');
    const prefilled = instantToLocalInput(proposed, newYork);
    expect(prefilled).toBe('2026-12-08T10:00');
    const accepted = localInputToInstant(prefilled, newYork);
    expect(accepted).toBe(proposed);
    expect(instantToLocalInput(accepted, berlin)).toBe('2026-12-08T16:00');
    expect(instantToLocalInput(accepted, tokyo)).toBe('2026-12-09T00:00');
  });

  it.each([
    // Between the US change (8 March 2026) and the EU change (29 March 2026) Berlin is 5 hours ahead, not 6.
    ['2026-03-20T16:00', berlin, { [newYork]: '2026-03-20T11:00', [tokyo]: '2026-03-21T00:00' }],
    // After both changes.
    ['2026-04-10T16:00', berlin, { [newYork]: '2026-04-10T10:00', [tokyo]: '2026-04-10T23:00' }],
    // A Tokyo proposal (no daylight saving) seen from both sides of the EU autumn change (25 October 2026).
    ['2026-10-26T09:00', tokyo, { [berlin]: '2026-10-26T01:00', [newYork]: '2026-10-25T20:00' }],
  ])('%s in %s is the same instant everywhere', (local, zone, elsewhere) => {
    const instant = localInputToInstant(local, zone);
    for (const [otherZone, wall] of Object.entries(elsewhere)) {
      expect(instantToLocalInput(instant, otherZone)).toBe(wall);
      expect(localInputToInstant(wall, otherZone)).toBe(instant);
    }
  });

  it('a wall time skipped by the spring jump lands after the jump', () => {
    // 02:30 does not exist in Berlin on 29 March 2026; the calendar convention is 03:30 CEST.
    expect(localInputToInstant('2026-03-29T02:30', berlin)).toBe('2026-03-29T01:30:00Z');
  });

  it('an ambiguous autumn wall time takes the earlier (summer-time) instant', () => {
    expect(localInputToInstant('2026-10-25T02:30', berlin)).toBe('2026-10-25T00:30:00Z');
  });
});
