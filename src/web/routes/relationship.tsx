import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type RelationshipDetail, useRelationship, useSessions } from '../api/relationship-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { ActionsPanel } from '../components/relationships/actions-panel';
import { AgreementPanel } from '../components/relationships/agreement-panel';
import { ClosingPanel } from '../components/relationships/closing-panel';
import { JournalPanel } from '../components/relationships/journal-panel';
import { MessagesPanel } from '../components/relationships/messages-panel';
import { MomentumCard } from '../components/relationships/momentum-card';
import { PlanPanel } from '../components/relationships/plan-panel';
import { ProposalPanel } from '../components/relationships/proposal-panel';
import { dueStage, type Stage, stageLabels } from '../components/relationships/relationship-stage';
import { SessionsPanel } from '../components/relationships/sessions-panel';
import { SharedFeedbackPanel } from '../components/relationships/shared-feedback-panel';
import { formatDate, todayIso } from '../format';

export function RelationshipPage() {
  const { relationshipId = '' } = useParams();
  const rel = useRelationship(relationshipId);
  if (rel.isPending) return <CenteredLoader label={t`Loading the relationship`} />;
  if (rel.error) return <ProblemAlert error={rel.error} title={t`Could not load this relationship`} />;
  const data = rel.data;
  const other = data.myRole === 'member' ? data.guide : data.member;
  return (
    <Stack maw={960}>
      <Trans>
        <Anchor component={Link} to="/relationships" size="sm">
          ← All relationships
        </Anchor>
      </Trans>
      <Group justify="space-between">
        <Title order={1}>
          <Trans>
            {data.kind[0]?.toUpperCase()}
            {data.kind.slice(1)} with
          </Trans>{' '}
          {other?.name ?? data.inviteeEmail}
        </Title>
        <Badge size="lg" variant="light">
          {data.status}
        </Badge>
      </Group>
      <Text>
        <Trans>
          You are the {data.myRole} · {data.framing}
        </Trans>
        {data.startDate ? t` · started ${formatDate(data.startDate)}` : ''}
        {data.plannedEndDate ? t` · planned end ${formatDate(data.plannedEndDate)}` : ''}
        {other ? t` · ${other.name} is in ${other.timeZone}` : ''}
      </Text>
      {data.status === 'invited' && (
        <Text>
          <Trans>Waiting for {data.inviteeEmail} to accept the invitation.</Trans>
        </Text>
      )}
      {data.status === 'declined' && (
        <Text>
          <Trans>Declined: {data.declineReason}</Trans>
        </Text>
      )}
      {data.status === 'proposed' && data.proposal && <ProposalPanel rel={data} proposal={data.proposal} />}
      {data.goals.length > 0 && (
        <Stack gap={4} component="section" aria-labelledby="goals-title">
          <Title order={2} size="h3" id="goals-title">
            <Trans>Goals we work on</Trans>
          </Title>
          {data.goals.map((goal) =>
            data.myRole === 'member' ? (
              <Anchor key={goal.id} component={Link} to={`/goals/${goal.id}`}>
                {goal.title}
              </Anchor>
            ) : (
              <Text key={goal.id}>{goal.title}</Text>
            ),
          )}
        </Stack>
      )}
      {(data.status === 'active' || data.status === 'closed') && <StagedSections rel={data} />}
    </Stack>
  );
}

function StagedSections({ rel }: { rel: RelationshipDetail }) {
  const sessions = useSessions(rel.id);
  const due = dueStage({
    status: rel.status,
    hasAcceptedAgreement: rel.agreement.current !== null,
    heldSessions: (sessions.data?.sessions ?? []).filter((s) => s.status === 'held').length,
    plannedEndDate: rel.plannedEndDate,
    today: todayIso(),
  });
  const [chosen, setChosen] = useState<Stage | null>(null);
  if (sessions.isPending) return <CenteredLoader label={t`Loading sessions`} />;
  const stage = chosen ?? due;
  const tab = (value: Stage) => (
    <Tabs.Tab
      value={value}
      rightSection={
        value === due ? (
          <Badge size="xs">
            <Trans>now</Trans>
          </Badge>
        ) : undefined
      }
    >
      {stageLabels()[value]}
    </Tabs.Tab>
  );
  return (
    <>
      <MomentumCard rel={rel} />
      <Tabs
        value={stage}
        onChange={(value) => setChosen((value as Stage | null) ?? null)}
        keepMounted={false}
      >
        <Tabs.List aria-label={t`Stages of the relationship`}>
          {tab('starting')}
          {tab('working')}
          {tab('closing')}
        </Tabs.List>
        <Tabs.Panel value="starting" pt="md">
          <Stack>
            <AgreementPanel rel={rel} />
            {rel.kind === 'coaching' && <PlanPanel rel={rel} />}
            <SessionsPanel rel={rel} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="working" pt="md">
          <Stack>
            <SessionsPanel rel={rel} />
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <ActionsPanel rel={rel} />
              <MessagesPanel rel={rel} />
            </SimpleGrid>
            <JournalPanel rel={rel} />
            <SharedFeedbackPanel rel={rel} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="closing" pt="md">
          <ClosingPanel rel={rel} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
