import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Card, List, Stack, Text, Title } from '@mantine/core';
import type { ImportedHistory, ImportedRelationship } from '../../api/imported-history-queries';
import { formatDate } from '../../format';
import { ImportedSessions } from './imported-sessions';
import { whoIs } from './who-is';

const kindNames = (): Record<ImportedRelationship['kind'], string> => ({
  mentoring: t`Mentoring`,
  coaching: t`Coaching`,
  peer: t`Peer exchange`,
});

export function ImportedRelationshipCard({
  rel,
  history,
}: {
  rel: ImportedRelationship;
  history: ImportedHistory;
}) {
  const headingId = `imported-${rel.ref}`;
  const title = `${kindNames()[rel.kind]} with ${rel.counterpart ?? t`someone no longer in Corner`}`;
  const actions = history.actions.filter((action) => action.relationship === rel.ref);
  const journal = history.journal.filter((entry) => entry.relationship === rel.ref);
  const decisions = history.decisions.filter((entry) => entry.relationship === rel.ref);
  const report = history.reports.find((entry) => entry.relationship === rel.ref);
  const span = [
    formatDate(rel.startDate ?? rel.createdAt),
    rel.closedAt ? formatDate(rel.closedAt) : 'ongoing',
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          <Trans>
            You were the {rel.myRole} · {rel.framing} · {rel.status} when exported · {span.join(' – ')}
          </Trans>
        </Text>
        {rel.goals.length > 0 && (
          <>
            <Title order={3} size="h4">
              <Trans>Goals</Trans>
            </Title>
            <List size="sm">
              {rel.goals.map((goal) => (
                <List.Item key={`${goal.goal}-${goal.title}`}>
                  {goal.title} ({goal.status})
                </List.Item>
              ))}
            </List>
          </>
        )}
        <ImportedSessions
          rel={rel}
          sessions={history.sessions.filter((session) => session.relationship === rel.ref)}
          actions={actions}
        />
        <Title order={3} size="h4">
          <Trans>Actions</Trans>
        </Title>
        {actions.length === 0 ? (
          <Text size="sm">
            <Trans>No actions.</Trans>
          </Text>
        ) : (
          <List size="sm">
            {actions.map((action) => (
              <List.Item key={action.ref}>
                {action.title}: {action.status} ({whoIs(rel, action.owner)}
                {action.dueDate ? t`, due ${formatDate(action.dueDate)}` : ''})
                {action.outcome ? ` — ${action.outcome}` : ''}
              </List.Item>
            ))}
          </List>
        )}
        {(journal.length > 0 || decisions.length > 0) && (
          <>
            <Title order={3} size="h4">
              <Trans>My journal in this relationship</Trans>
            </Title>
            <List size="sm">
              {journal.map((entry) => (
                <List.Item key={entry.ref}>
                  {formatDate(entry.createdAt)}: {entry.body}
                </List.Item>
              ))}
              {decisions.map((entry) => (
                <List.Item key={entry.ref}>
                  <Trans>
                    {formatDate(entry.createdAt)}, decision: {entry.decision.decision}. Expected:{' '}
                    {entry.decision.expectation}
                  </Trans>
                  {entry.followUps.map((followUp) => ` After ${followUp.afterDays} days: ${followUp.answer}`)}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {report && (
          <>
            <Title order={3} size="h4">
              <Trans>End report</Trans>
            </Title>
            <Text size="sm">
              <Trans>
                Closed {formatDate(report.closedAt)}. Sessions held: {report.sessionsHeld} of about{' '}
                {report.sessionsAgreed} agreed · actions done: {report.actionsDone} of {report.actionsTotal}
              </Trans>
            </Text>
            {report.keyInsights.length > 0 && (
              <List size="sm">
                {report.keyInsights.map((insight) => (
                  <List.Item key={`${insight.by}-${insight.text}`}>
                    {insight.text} ({whoIs(rel, insight.by)})
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
