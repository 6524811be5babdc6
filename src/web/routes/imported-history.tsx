import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useImportedHistory } from '../api/imported-history-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ImportedRelationshipCard } from '../components/growth-record/imported-relationship-card';
import { ProblemAlert } from '../components/problem-alert';

// What came from another Corner, read-only: the people in those relationships have no account here,
// so the relationships are kept as history, not reopened.
export function ImportedHistoryPage() {
  const history = useImportedHistory();
  const data = history.data;
  return (
    <Stack maw={860}>
      <Trans>
        <Anchor component={Link} to="/settings" size="sm">
          ← Back to settings
        </Anchor>
      </Trans>
      <Title order={1}>
        <Trans>Imported history</Trans>
      </Title>
      <Text>
        <Trans>
          Relationships you brought from another Corner, with their sessions, your notes, actions and end
          reports, as they stood when you exported them. They are kept for you to read; nothing here can be
          changed, and the other people in them have no account in this Corner.
        </Trans>
      </Text>
      {history.isPending && <CenteredLoader label={t`Loading your imported history`} />}
      <ProblemAlert error={history.error} title={t`Could not load your imported history`} />
      {data && data.relationships.length === 0 && (
        <Card withBorder padding="md">
          <Text>
            <Trans>
              Nothing imported yet. To bring your record from another Corner, export it there as JSON
              (Settings → Export as JSON), then import the file here with{' '}
              <code>corner import &lt;file&gt; --as &lt;your email&gt;</code>.
            </Trans>
          </Text>
        </Card>
      )}
      {data?.relationships.map((rel) => (
        <ImportedRelationshipCard key={rel.ref} rel={rel} history={data} />
      ))}
    </Stack>
  );
}
