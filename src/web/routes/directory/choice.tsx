import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../../format';

const cadenceWords: Record<string, string> = {
  weekly: 'every week',
  biweekly: 'every two weeks',
  monthly: 'every month',
};

export function ChoicePage() {
  const choice = useQuery({ queryKey: ['choice'], queryFn: () => unwrap(api.choices.latest.$get()) });
  if (choice.isPending) return <CenteredLoader label="Loading your choice" />;
  if (choice.error) return <ProblemAlert error={choice.error} title="No choice recorded yet" />;
  const { guide, agreementTerms: terms, termsFrom, createdAt, nudges, kind, relationshipId } = choice.data;
  return (
    <Stack maw={760}>
      <Title order={1}>You chose {guide.name}</Title>
      <Text size="sm">
        Recorded {formatDate(createdAt)} · {kind}
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
          Your starting agreement
        </Title>
        <Text size="sm" mt={4}>
          {termsFrom === 'guide-defaults'
            ? `Prefilled from ${guide.name}’s usual commitments.`
            : 'Prefilled from the method’s defaults.'}{' '}
          You will both review it before the first session.
        </Text>
        <List size="sm" mt="sm" spacing={4}>
          <List.Item>
            Meet {cadenceWords[terms.cadence] ?? terms.cadence}, {terms.sessionMinutes} minutes, by{' '}
            {terms.format}
            {terms.place ? ` at ${terms.place}` : ''}
          </List.Item>
          <List.Item>Preparation: {terms.preparation}</List.Item>
          <List.Item>
            Replies within {terms.responsiveness.within} {terms.responsiveness.unit} by{' '}
            {terms.responsiveness.channels.join(' or ')}
          </List.Item>
          <List.Item>Confidentiality: {terms.confidentiality}</List.Item>
          <List.Item>
            Planned length: {terms.plannedMonths ? `${terms.plannedMonths} months` : 'open-ended'}
          </List.Item>
        </List>
      </Card>
      {relationshipId && (
        <Card withBorder component="section" aria-labelledby="next-step">
          <Title order={2} size="h4" id="next-step">
            Invitation sent to {guide.name}
          </Title>
          <Text size="sm" mt={4}>
            They get an e-mail with the agreement above. The relationship page shows when they accept and
            where to book your first session.
          </Text>
          <Button component={Link} to={`/relationships/${relationshipId}`} mt="sm">
            Open the relationship with {guide.name}
          </Button>
        </Card>
      )}
    </Stack>
  );
}
