import { I18nProvider } from '@lingui/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { growthKeys } from '../api/growth-queries';
import { activateLocale, i18n } from '../i18n/i18n';
import { SettingsPage } from './settings';

// The Settings page as a German-speaking person sees it: its words from the German catalog and the
// token's date written the German way, from the same components the app renders.
function renderSettings(): string {
  const queryClient = new QueryClient();
  queryClient.setQueryData(growthKeys.accessTokens, {
    tokens: [
      {
        id: 'token-1',
        name: 'Laptop',
        prefix: 'crn_ab12',
        createdAt: '2026-03-14T10:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      },
    ],
  });
  return renderToStaticMarkup(
    <I18nProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter>
            <SettingsPage />
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nProvider>,
  );
}

describe('Settings in German', () => {
  afterEach(() => activateLocale('en'));

  it('speaks German and writes dates the German way', () => {
    activateLocale('de');
    const html = renderSettings();
    expect(html).toContain('Einstellungen');
    expect(html).toContain('Zugangstokens');
    expect(html).toContain('Token erstellen');
    expect(html).toContain('Laptop widerrufen');
    expect(html).toContain('14. März 2026');
    expect(html).not.toContain('Access tokens');
    expect(html).not.toContain('Mar 14, 2026');
  });

  it('stays English by default', () => {
    const html = renderSettings();
    expect(html).toContain('Access tokens');
    expect(html).toContain('Mar 14, 2026');
    expect(html).not.toContain('Einstellungen');
  });
});
