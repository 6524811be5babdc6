import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fitAnswerLabel, fitQuestions, guideQuestions, redFlags } from '../../../domain/fit/scorecard';
import { api, unwrap } from '../../api/client';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';

const guideQuestionLabels = (): Record<string, string> => ({
  'what-it-means-to-you': t`What it means to them`,
  'style-and-structure': t`Style and structure`,
  'background-and-clients': t`Background and who they work with`,
});

export function ComparePage() {
  const comparison = useQuery({
    queryKey: ['scorecards', 'comparison'],
    queryFn: () => unwrap(api.scorecards.comparison.$get()),
  });
  if (comparison.isPending) return <CenteredLoader label={t`Loading the comparison`} />;
  if (comparison.error) return <ProblemAlert error={comparison.error} />;
  const cards = comparison.data.scorecards;
  return (
    <Stack maw={1100}>
      <Title order={1}>
        <Trans>Compare your intros</Trans>
      </Title>
      <Text size="sm">
        <Trans>Best fit first. Only you can see this.</Trans>
      </Text>
      {cards.length === 0 ? (
        <Card withBorder padding="lg">
          <Title order={2} size="h4">
            <Trans>No scorecards yet</Trans>
          </Title>
          <Text mt="xs">
            <Trans>
              After each intro session, fill in its scorecard from{' '}
              <Anchor component={Link} to="/shortlist">
                your shortlist
              </Anchor>
              .
            </Trans>
          </Text>
        </Card>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table withTableBorder withColumnBorders>
            <Table.Caption>
              <Trans>Scorecards of your shortlist, side by side</Trans>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Trans>Question</Trans>
                </Table.Th>
                {cards.map((card) => (
                  <Table.Th scope="col" key={card.id}>
                    {card.guide.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">
                  <Trans>Verdict</Trans>
                </Table.Th>
                {cards.map((card) => (
                  <Table.Td key={card.id}>{card.result.summary}</Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">
                  <Trans>Score</Trans>
                </Table.Th>
                {cards.map((card) => (
                  <Table.Td key={card.id}>{card.result.score ?? '—'}</Table.Td>
                ))}
              </Table.Tr>
              {fitQuestions.map((question) => (
                <Table.Tr key={question.id}>
                  <Table.Th scope="row">{question.question}</Table.Th>
                  {cards.map((card) => (
                    <Table.Td key={card.id}>
                      {fitAnswerLabel(question.id, card.answers.fit[question.id])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {guideQuestions.map((question) => (
                <Table.Tr key={question.id}>
                  <Table.Th scope="row">{guideQuestionLabels()[question.id]}</Table.Th>
                  {cards.map((card) => (
                    <Table.Td key={card.id}>{card.answers.guideAnswers?.[question.id] || '—'}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">
                  <Trans>Red flags</Trans>
                </Table.Th>
                {cards.map((card) => (
                  <Table.Td key={card.id}>
                    {card.answers.redFlags.length === 0
                      ? t`None`
                      : redFlags
                          .filter((f) => card.answers.redFlags.includes(f.id))
                          .map((f) => f.label)
                          .join('; ')}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
