import { t } from '@lingui/core/macro';
// What the sidebar shows grows with what a person does: every member gets the same short list, a guide
// gains their guiding tools, an admin their programs. Growth tools live on one hub page (/growth).

export type Role = 'member' | 'guide' | 'admin';
export type NavLinkItem = { to: string; label: string; also?: string[] };
export type NavSection = { title: string; links: NavLinkItem[] };

// Pages that belong to the Growth area, so its item stays highlighted inside them.
export const growthPaths = [
  '/growth',
  '/journal',
  '/feedback-requests',
  '/shadow-map',
  '/artifacts',
  '/outreach',
  '/growth-record',
  '/readiness',
];

const memberSection = (): NavSection => ({
  title: t`My growth`,
  links: [
    { to: '/', label: t`Home` },
    { to: '/goals', label: t`Goals` },
    { to: '/growth', label: t`Growth`, also: growthPaths },
    { to: '/guides', label: t`Find a guide`, also: ['/shortlist', '/scorecards', '/choice', '/intros'] },
    { to: '/relationships', label: t`Relationships`, also: ['/sessions'] },
    { to: '/notifications', label: t`Reminders`, also: ['/outbox'] },
    { to: '/settings', label: t`Settings` },
  ],
});

const guideSection = (): NavSection => ({
  title: t`Guiding`,
  links: [
    { to: '/intros', label: t`Intro requests` },
    { to: '/my-guide-profile', label: t`My guide profile` },
    { to: '/rank-applicants', label: t`Rank applicants` },
  ],
});

const adminSection = (): NavSection => ({
  title: t`Programs`,
  links: [
    { to: '/programs', label: t`Programs I run`, also: ['/cohorts'] },
    { to: '/orgs', label: t`Organizations` },
  ],
});

export function navigationFor(roles: readonly Role[]): NavSection[] {
  const sections = [memberSection()];
  if (roles.includes('guide')) {
    // A guide reaches their intro requests from Guiding; the member area keeps only what members need.
    sections[0] = {
      ...memberSection(),
      links: memberSection().links.map((link) =>
        link.to === '/guides' ? { ...link, also: link.also?.filter((p) => p !== '/intros') } : link,
      ),
    };
    sections.push(guideSection());
  }
  if (roles.includes('admin')) sections.push(adminSection());
  return sections;
}

export function isActiveLink(link: NavLinkItem, pathname: string): boolean {
  const matches = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  return matches(link.to) || (link.also ?? []).some(matches);
}
