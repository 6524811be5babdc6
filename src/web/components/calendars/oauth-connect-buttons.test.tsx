import { I18nProvider } from '@lingui/react';
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale, i18n } from '../../i18n/i18n';
import { OAuthConnectButtons } from './oauth-connect-buttons';

function render(providers: { google: boolean; microsoft: boolean }, at = '/settings'): string {
  return renderToStaticMarkup(
    <I18nProvider i18n={i18n}>
      <MantineProvider>
        <MemoryRouter initialEntries={[at]}>
          <OAuthConnectButtons providers={providers} />
        </MemoryRouter>
      </MantineProvider>
    </I18nProvider>,
  );
}

describe('Connect Google Calendar / Microsoft 365 buttons', () => {
  afterEach(() => activateLocale('en'));

  it('offers only the providers this installation has configured, each linking to its authorize address', () => {
    const google = render({ google: true, microsoft: false });
    expect(google).toContain('Connect Google Calendar');
    expect(google).toContain('href="/api/v1/me/calendar-connections/google/authorize"');
    expect(google).not.toContain('Connect Microsoft 365');
    const both = render({ google: true, microsoft: true });
    expect(both).toContain('href="/api/v1/me/calendar-connections/microsoft/authorize"');
    const none = render({ google: false, microsoft: false });
    expect(none).not.toContain('Connect');
    expect(none).not.toContain('/authorize');
  });

  it('says the outcome of the consent round trip, in German too', () => {
    activateLocale('de');
    const html = render({ google: true, microsoft: true }, '/settings?calendarConnected=microsoft');
    expect(html).toContain('Microsoft 365 ist verbunden und wurde einmal gelesen.');
    expect(html).toContain('Google Kalender verbinden');
    expect(render({ google: false, microsoft: false }, '/settings?calendarDenied=google')).toContain(
      'kein Zugriff erteilt',
    );
  });
});
