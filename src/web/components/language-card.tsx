import { useLingui } from '@lingui/react/macro';
import { Card, Select, Text, Title } from '@mantine/core';
import { saveLocale } from '../i18n/i18n';
import { isLocale } from '../i18n/locale-choice';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const languages = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
];

export function LanguageCard() {
  const { t, i18n } = useLingui();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="language">
      <Title order={2} size="h4" id="language">
        {t`Language`}
      </Title>
      <Text size="sm" mt={4}>
        {t`Corner speaks this language to you on this device; dates and numbers follow it too.`}
      </Text>
      <Select
        mt="md"
        maw={260}
        label={t`Language`}
        data={languages}
        value={i18n.locale}
        allowDeselect={false}
        onChange={(value) => {
          if (isLocale(value)) saveLocale(value);
        }}
      />
    </Card>
  );
}
