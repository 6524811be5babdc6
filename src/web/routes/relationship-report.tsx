import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

// The report is shown as text the reader can keep; the download is the same Markdown.
export function RelationshipReportPage() {
  const { relationshipId = '' } = useParams();
  const report = useQuery({
    queryKey: ['relationship', relationshipId, 'report'],
    queryFn: () => unwrap(api.relationships[':relationshipId'].report.$get({ param: { relationshipId } })),
  });
  if (report.isPending) return <CenteredLoader label={t`Loading the report`} />;
  if (report.error) return <ProblemAlert error={report.error} title={t`Could not load the report`} />;
  const data = report.data;
  const download = () => {
    const url = URL.createObjectURL(new Blob([data.markdown], { type: 'text/markdown' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'relationship-report.md';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack maw={860}>
      <Trans>
        <Anchor component={Link} to={`/relationships/${relationshipId}`} size="sm">
          ← Back to the relationship
        </Anchor>
      </Trans>
      <Title order={1}>
        <Trans>End report</Trans>
      </Title>
      <Group>
        <Text>
          <Trans>
            Sessions held: {data.sessionsHeld} of about {data.sessionsAgreed} agreed · actions done:{' '}
            {data.actionsDone} of {data.actionsTotal}
          </Trans>
        </Text>
        <Button variant="light" onClick={download}>
          <Trans>Download as Markdown</Trans>
        </Button>
        <Button variant="light" component="a" href={`/api/v1/relationships/${relationshipId}/report.pdf`}>
          <Trans>Download as PDF</Trans>
        </Button>
      </Group>
      <Card withBorder>
        <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{data.markdown}</pre>
      </Card>
    </Stack>
  );
}
