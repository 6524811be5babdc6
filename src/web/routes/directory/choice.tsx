import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../../format';

const cadenceWords = (): Record<string, string> => ({
  weekly: t`every week`,
  biweekly: t`every two weeks`,
  monthly: t`every month`,
});

export function ChoicePage() {
  const choice = useQuery({ queryKey: ['choice'], queryFn: () => unwrap(api.choices.latest.$get()) });
  if (choice.isPending) return <CenteredLoader label={t`Loading your choice`} />;
  if (choice.error) return <ProblemAlert error={choice.error} title={t`No choice recorded yet`} />;
  const { guide, agreementTerms: terms, termsFrom, createdAt, nudges, kind, relationshipId } = choice.data;
  return (
    <Stack maw={760}>
      <Title order={1}>
        <Trans>You chose {guide.name}</Trans>
      </Title>
      <Text size="sm">
        <Trans>
          Recorded {formatDate(createdAt)} · {kind}
        </Trans>
      </Text>
      {nudges.map((nudge) => (
        <Alert
          key={nudge.code}
          color={nudge.level === 'warning' ? 'orange' : 'indigo'}
          variant="light"
          role="status"
        >
          {nudge.message}
        </Alert>
      ))}
      <Card withBorder component="section" aria-labelledby="agreement">
        <Title order={2} size="h4" id="agreement">
          <Trans>Your starting agreement</Trans>
        </Title>
        <Text size="sm" mt={4}>
          {termsFrom === 'guide-defaults'
            ? t`Prefilled from ${guide.name}’s usual commitments.`
            : t`Prefilled from the method’s defaults.`}{' '}
          <Trans>You will both review it before the first session.</Trans>
        </Text>
        <List size="sm" mt="sm" spacing={4}>
          <List.Item>
            <Trans>Meet</Trans> {cadenceWords()[terms.cadence] ?? terms.cadence}
            <Trans>
              , {terms.sessionMinutes} minutes, by {terms.format}
            </Trans>
            {terms.place ? t` at ${terms.place}` : ''}
          </List.Item>
          <List.Item>
            <Trans>Preparation: {terms.preparation}</Trans>
          </List.Item>
          <List.Item>
            <Trans>
              Replies within {terms.responsiveness.within} {terms.responsiveness.unit} by
            </Trans>{' '}
            {terms.responsiveness.channels.join(' or ')}
          </List.Item>
          <List.Item>
            <Trans>Confidentiality: {terms.confidentiality}</Trans>
          </List.Item>
          <List.Item>
            <Trans>Planned length:</Trans>{' '}
            {terms.plannedMonths ? t`${terms.plannedMonths} months` : t`open-ended`}
          </List.Item>
        </List>
      </Card>
      {relationshipId && (
        <Card withBorder component="section" aria-labelledby="next-step">
          <Title order={2} size="h4" id="next-step">
            <Trans>Invitation sent to {guide.name}</Trans>
          </Title>
          <Text size="sm" mt={4}>
            <Trans>
              They get an e-mail with the agreement above. The relationship page shows when they accept and
              where to book your first session.
            </Trans>
          </Text>
          <Button component={Link} to={`/relationships/${relationshipId}`} mt="sm">
            <Trans>Open the relationship with {guide.name}</Trans>
          </Button>
        </Card>
      )}
    </Stack>
  );
}
