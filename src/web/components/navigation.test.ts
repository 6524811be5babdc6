import { describe, expect, it } from 'vitest';
import { isActiveLink, navigationFor } from './navigation';

const labels = (roles: Parameters<typeof navigationFor>[0]) =>
  navigationFor(roles).flatMap((section) => section.links.map((link) => link.label));

describe('role-aware navigation', () => {
  it('gives a brand-new member at most seven items and no growth tools at the top level', () => {
    const items = labels(['member']);
    expect(items.length).toBeLessThanOrEqual(7);
    expect(items).toContain('Growth');
    for (const tool of ['Shadow-side map', 'Artifact library', 'Mirror feedback', 'Outreach', 'Journal']) {
      expect(items).not.toContain(tool);
    }
    expect(items).not.toContain('My guide profile');
    expect(items).not.toContain('Programs I run');
  });

  it('adds guiding once the person is a guide', () => {
    expect(labels(['member', 'guide'])).toEqual(
      expect.arrayContaining(['Intro requests', 'My guide profile']),
    );
    expect(labels(['member', 'guide'])).not.toContain('Programs I run');
  });

  it('adds programs once the person admins one', () => {
    expect(labels(['member', 'admin'])).toContain('Programs I run');
    expect(labels(['member', 'admin'])).not.toContain('My guide profile');
  });

  it('keeps Growth highlighted on every growth tool', () => {
    const growth = navigationFor(['member'])[0]?.links.find((l) => l.label === 'Growth');
    if (!growth) throw new Error('no Growth item');
    for (const path of ['/growth', '/journal', '/shadow-map', '/artifacts/abc', '/feedback-requests']) {
      expect(isActiveLink(growth, path)).toBe(true);
    }
    expect(isActiveLink(growth, '/goals')).toBe(false);
    const home = navigationFor(['member'])[0]?.links[0];
    if (!home) throw new Error('no Home item');
    expect(isActiveLink(home, '/goals')).toBe(false);
    expect(isActiveLink(home, '/')).toBe(true);
  });
});
