import { I18nProvider } from '@lingui/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { browserTimeZone } from '../../api/auth-client';
import { activateLocale, i18n } from '../../i18n/i18n';
import { IntroRequestCard } from './intro-request-card';
import { blockOf, introSlotsKey, thisWeek } from './intro-times';

// The guide's open intro times on the guide's page, as the server answers them: a labelled list per day
// with the viewer's time and the guide's beside it, or, when the guide's calendar cannot be read, the
// server's sentence with since when and the request at a time of one's own.

const GUIDE_ID = 'guide-ana';
const zone = browserTimeZone();
const monday = thisWeek(zone);
const at = (day: number, time: string) =>
  Temporal.PlainDate.from(monday)
    .add({ days: day })
    .toZonedDateTime({ timeZone: zone, plainTime: time })
    .toInstant()
    .toString();

type Answer = {
  slots: { start: string; end: string }[];
  hidden: { who: string; userId: string; reason: string; since?: string }[];
  byAgreement: { available: boolean; how: string } | null;
  sessionMinutes: number;
  zones: { member: string; guide: string };
};

function render(answer: Answer): string {
  const queryClient = new QueryClient();
  queryClient.setQueryData(introSlotsKey(GUIDE_ID, blockOf(monday, monday)), answer);
  return renderToStaticMarkup(
    <I18nProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter>
            <IntroRequestCard guideId={GUIDE_ID} guideName="Ana Mentor" guideZone="Asia/Tokyo" showTimes />
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nProvider>,
  );
}

const open: Answer = {
  slots: [
    { start: at(2, '10:00'), end: at(2, '10:30') },
    { start: at(0, '10:00'), end: at(0, '10:30') },
  ],
  hidden: [],
  byAgreement: null,
  sessionMinutes: 30,
  zones: { member: zone, guide: 'Asia/Tokyo' },
};

describe('open intro times on a guide’s page', () => {
  afterEach(() => activateLocale('en'));

  it('lists each day’s times as pressable buttons named by the whole time, in both zones', () => {
    const html = render(open);
    expect(html).toContain('aria-expanded="true"');
    expect(html).toContain('Open intro times');
    expect(html).toContain(`in your zone (${zone}), with Ana’s time (Asia/Tokyo)`);
    expect(html).toContain('An intro takes 30 minutes.');
    const lists = [...html.matchAll(/aria-label="Open times on ([^"]+)"/g)].map((m) => m[1]);
    expect(lists).toHaveLength(2);
    const buttons = html.match(/aria-pressed="false"/g) ?? [];
    expect(buttons).toHaveLength(2);
    // 10:00 in the viewer's zone, and the same instant on Tokyo's clock for the guide.
    const tokyo = new Date(at(0, '10:00')).toLocaleTimeString('en', {
      timeZone: 'Asia/Tokyo',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(html).toContain(`${tokyo} for Ana`);
    expect(html).toContain(' your time</span>');
    // Monday's list comes before Wednesday's, though the server sent Wednesday first.
    expect(lists[0]).toMatch(/Monday/);
    expect(lists[1]).toMatch(/Wednesday/);
  });

  it('says whose times cannot be offered and since when, and keeps the request at one’s own time', () => {
    const since = '2026-12-07T08:00:00.000Z';
    const html = render({
      ...open,
      slots: [],
      hidden: [
        {
          who: 'Ana Mentor',
          userId: GUIDE_ID,
          reason: 'Ana Mentor’s open times cannot be offered right now.',
          since,
        },
      ],
      byAgreement: { available: true, how: 'Propose up to five times' },
    });
    expect(html).toContain('No intro times can be offered right now');
    expect(html).toContain('Ana Mentor’s open times cannot be offered right now.');
    expect(html).toContain('(since ');
    expect(html).toContain('You can still ask for an intro at a time of your own below.');
    expect(html).toContain('A time that suits you');
    expect(html).not.toContain('aria-pressed');
  });

  it('speaks German', () => {
    activateLocale('de');
    const html = render(open);
    expect(html).toContain('Freie Intro-Termine');
    expect(html).toContain('für Ana');
    expect(html).toContain('Ein Intro dauert 30 Minuten.');
    expect(html).not.toContain('Open intro times');
  });
});
