import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { RelationshipDetail } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

// A coach starts from an assessment; areas added later show the member outgrowing the first plan.
export function PlanPanel({ rel }: { rel: RelationshipDetail }) {
  const [assessment, setAssessment] = useState(rel.plan?.assessment ?? '');
  const [areas, setAreas] = useState((rel.plan?.focusAreas ?? []).map((a) => a.title).join('\n'));
  const save = useRelMutation(rel.id, () =>
    unwrap(
      api.relationships[':relationshipId'].plan.$post({
        param: { relationshipId: rel.id },
        json: {
          assessment,
          focusAreas: areas
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
        },
      }),
    ),
  );
  return (
    <Card withBorder component="section" aria-labelledby="plan-title">
      <Stack>
        <Title order={2} size="h3" id="plan-title">
          <Trans>Coaching plan</Trans> {rel.plan ? t`(version ${rel.plan.version})` : ''}
        </Title>
        {rel.plan ? (
          <>
            <Text>{rel.plan.assessment}</Text>
            <List>
              {rel.plan.focusAreas.map((area) => (
                <List.Item key={area.title}>
                  <Group gap="xs">
                    {area.title}
                    {area.outgrowingThePlan && (
                      <Badge variant="light" color="teal">
                        <Trans>new since version 1 — outgrowing the plan, a healthy sign</Trans>
                      </Badge>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text>
            <Trans>No plan yet. Start with an assessment and name the focus areas it points to.</Trans>
          </Text>
        )}
        {rel.status === 'active' && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(undefined);
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t`Assessment`}
                autosize
                value={assessment}
                onChange={(e) => setAssessment(e.currentTarget.value)}
              />
              <Textarea
                label={t`Focus areas (one per line)`}
                autosize
                minRows={2}
                value={areas}
                onChange={(e) => setAreas(e.currentTarget.value)}
              />
              <ProblemAlert error={save.error} />
              <Button type="submit" variant="light" loading={save.isPending}>
                <Trans>Save as a new plan version</Trans>
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
