import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

const percent = (fit: number) => `${Math.round(fit * 100)}%`;

/** The cohorts a guide guides in, each linking to its ranking. */
export function RankApplicantsIndexPage() {
  const mine = useQuery({
    queryKey: ['guide-cohorts'],
    queryFn: () => unwrap(api['guide-cohorts'].$get()),
  });
  if (mine.isPending) return <CenteredLoader label={t`Loading your cohorts`} />;
  return (
    <Stack>
      <Title order={1}>
        <Trans>Rank applicants</Trans>
      </Title>
      <ProblemAlert error={mine.error} />
      {mine.data && mine.data.cohorts.length === 0 ? (
        <Text>
          <Trans>
            You do not guide in any cohort yet. When a program adds you as a guide and you confirm on your
            home page, its applicants appear here for you to rank.
          </Trans>
        </Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0 }}>
          {mine.data?.cohorts.map((cohort) => (
            <li key={cohort.cohortId}>
              <Trans>
                <Anchor component={Link} to={`/rank-applicants/${cohort.cohortId}`}>
                  Rank the applicants for {cohort.cohortName}
                </Anchor>
              </Trans>{' '}
              <Text span size="sm" c="dimmed">
                <Trans>matching on {formatDate(cohort.matchingOn)}</Trans>
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

// A guide puts the applicants who fit them in order with up/down buttons (keyboard and screen-reader
// usable, no dragging), or gives each a score from 0 to 100, and saves; matching's stable mode then
// takes this order (or these scores) as the guide's side.
export function RankApplicantsPage() {
  const { cohortId = '' } = useParams();
  const queryClient = useQueryClient();
  const key = ['my-applicants', cohortId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.cohorts[':cohortId']['my-applicants'].$get({ param: { cohortId } })),
  });
  const [order, setOrder] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [by, setBy] = useState<'rank' | 'score'>('rank');
  // Scores as the guide types them, 0 to 100; an empty field is "no score" (the fit decides for them).
  const [scores, setScores] = useState<Record<string, number | ''>>({});
  useEffect(() => {
    if (list.data) {
      setOrder(list.data.applicants.map((a) => a.memberApplicationId));
      // Scores the guide gave themselves (not those a saved ranking implies) come back into the fields.
      const scored = list.data.applicants.filter((a) => a.score !== null && a.rank === null);
      setScores(
        Object.fromEntries(scored.map((a) => [a.memberApplicationId, Math.round((a.score ?? 0) * 100)])),
      );
      if (scored.length > 0) setBy('score');
      setDirty(false);
    }
  }, [list.data]);
  const save = useMutation({
    mutationFn: (
      input:
        | { by: 'rank'; ranking: string[] }
        | { by: 'score'; scores: { memberApplicationId: string; score: number }[] },
    ) =>
      unwrap(
        api.cohorts[':cohortId']['my-applicants'].preferences.$put({ param: { cohortId }, json: input }),
      ),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  if (list.isPending) return <CenteredLoader label={t`Loading the applicants who fit you`} />;
  if (!list.data) return <ProblemAlert error={list.error} />;
  const byId = new Map(list.data.applicants.map((a) => [a.memberApplicationId, a]));
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    setOrder(next);
    setDirty(true);
    setAnnouncement(
      t`${byId.get(item)?.name ?? t`Applicant`} is now number ${index + by + 1} of ${next.length}.`,
    );
  };
  const ranked = list.data.applicants.some((a) => a.score !== null);
  const savedOn = list.data.savedAt ? formatDate(list.data.savedAt) : '';
  const savedByRank = list.data.applicants.some((a) => a.rank !== null);
  const answered = list.data.answered;
  const scoresToSave = Object.entries(scores).flatMap(([memberApplicationId, value]) =>
    value === '' ? [] : [{ memberApplicationId, score: value / 100 }],
  );
  return (
    <Stack>
      <Title order={1}>
        <Trans>Rank the applicants for {list.data.cohortName}</Trans>
      </Title>
      <Text>
        <Trans>
          These are the applicants who fit you, with what they wrote for matching. Put the ones you would most
          like to guide first, or give each a score from 0 to 100, and save. The stable match uses your order
          or your scores; if you save nothing, the fit decides.
        </Trans>
      </Text>
      <SegmentedControl
        aria-label={t`How you answer`}
        value={by}
        onChange={(value) => setBy(value === 'score' ? 'score' : 'rank')}
        data={[
          { value: 'rank', label: t`Put them in order` },
          { value: 'score', label: t`Give each a score` },
        ]}
        maw={420}
      />
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
      <Group>
        {ranked && !dirty ? (
          <Badge color="green" variant="light">
            {savedByRank ? (
              <Trans>
                Saved {savedOn}: your ranking of {answered}
              </Trans>
            ) : (
              <Trans>
                Saved {savedOn}: your scores of {answered}
              </Trans>
            )}
          </Badge>
        ) : dirty ? (
          <Badge color="yellow" variant="light">
            <Trans>Not saved yet</Trans>
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            <Trans>Not ranked: ordered by fit</Trans>
          </Badge>
        )}
      </Group>
      <ProblemAlert error={save.error} title={t`Your ranking was not saved`} />
      {order.length === 0 ? (
        <Alert color="gray" title={t`Nobody to rank yet`}>
          <Trans>
            No applicant fits you in this cohort yet (a shared organization or no shared hours rules a pair
            out). Come back after more people have confirmed.
          </Trans>
        </Alert>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          style={{ paddingLeft: 0, listStyle: 'none' }}
          aria-label={t`Your ranking`}
        >
          {order.map((id, index) => {
            const a = byId.get(id);
            if (!a) return null;
            const name = a.name;
            return (
              <Card component="li" key={id} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600}>
                      {index + 1}. {a.name}{' '}
                      <Text span size="sm" c="dimmed">
                        <Trans>fit {percent(a.fit)}</Trans>
                      </Text>
                    </Text>
                    {a.goal && (
                      <Text size="sm">
                        <Trans>Goal: {a.goal}</Trans>
                      </Text>
                    )}
                    <Text size="sm">
                      <Trans>Wants to grow in: {a.skillGaps.join(', ')}</Trans>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {[
                        a.seniority,
                        a.style,
                        a.structure,
                        a.languages.join('/'),
                        a.formats.join('/'),
                        a.timeZone,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                  {by === 'score' ? (
                    <NumberInput
                      label={t`Your score for ${name}`}
                      description={t`0 to 100; empty leaves it to the fit`}
                      min={0}
                      max={100}
                      step={5}
                      clampBehavior="strict"
                      allowDecimal={false}
                      w={200}
                      value={scores[id] ?? ''}
                      onChange={(value) => {
                        setScores({ ...scores, [id]: typeof value === 'number' ? value : '' });
                        setDirty(true);
                      }}
                    />
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="default"
                        aria-label={t`Move ${name} up`}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        aria-label={t`Move ${name} down`}
                        disabled={index === order.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </ActionIcon>
                    </Group>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <Group>
        {by === 'score' ? (
          <Button
            onClick={() => save.mutate({ by: 'score', scores: scoresToSave })}
            loading={save.isPending}
            disabled={order.length === 0}
          >
            <Trans>Save my scores</Trans>
          </Button>
        ) : (
          <Button
            onClick={() => save.mutate({ by: 'rank', ranking: order })}
            loading={save.isPending}
            disabled={order.length === 0}
          >
            <Trans>Save my ranking</Trans>
          </Button>
        )}
        {ranked && (
          <Button
            variant="subtle"
            onClick={() => save.mutate({ by: 'rank', ranking: [] })}
            loading={save.isPending}
          >
            <Trans>Clear it (let the fit decide)</Trans>
          </Button>
        )}
      </Group>
    </Stack>
  );
}
