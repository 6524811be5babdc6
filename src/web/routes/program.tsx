import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

type CohortForm = {
  name: string;
  applicationsOpen: string;
  applicationsClose: string;
  matchingOn: string;
  startsOn: string;
  endsOn: string;
  defaultKind: 'mentoring' | 'coaching' | 'peer';
  defaultFraming: 'ad-hoc' | 'goal-oriented' | 'time-framed';
};

const dateFields = [
  ['applicationsOpen', 'Applications open'],
  ['applicationsClose', 'Applications close'],
  ['matchingOn', 'Matching day'],
  ['startsOn', 'Cohort starts'],
  ['endsOn', 'Cohort ends'],
] as const;

export function ProgramPage() {
  const { programId = '' } = useParams();
  const queryClient = useQueryClient();
  const programs = useQuery({ queryKey: ['programs'], queryFn: () => unwrap(api.programs.$get()) });
  const program = programs.data?.programs.find((p) => p.id === programId);
  const cohorts = useQuery({
    queryKey: ['cohorts', programId],
    queryFn: () => unwrap(api.programs[':programId'].cohorts.$get({ param: { programId } })),
  });
  const form = useForm<CohortForm>({
    initialValues: {
      name: '',
      applicationsOpen: '',
      applicationsClose: '',
      matchingOn: '',
      startsOn: '',
      endsOn: '',
      defaultKind: 'mentoring',
      defaultFraming: 'time-framed',
    },
  });
  const create = useMutation({
    mutationFn: (values: CohortForm) =>
      unwrap(api.programs[':programId'].cohorts.$post({ param: { programId }, json: values })),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['cohorts', programId] });
    },
  });
  return (
    <Stack maw={960}>
      <Trans>
        <Anchor component={Link} to="/programs" size="sm">
          ← All programs
        </Anchor>
      </Trans>
      <Title order={1}>{program?.name ?? t`Program`}</Title>
      {program?.description && <Text>{program.description}</Text>}
      <Trans>
        <Anchor component={Link} to={`/programs/${programId}/audit`} size="sm">
          Audit log
        </Anchor>
      </Trans>
      <Title order={2} size="h3">
        <Trans>Cohorts</Trans>
      </Title>
      {cohorts.isPending && <CenteredLoader label={t`Loading cohorts`} />}
      <ProblemAlert error={cohorts.error} />
      {cohorts.data?.cohorts.length === 0 && (
        <Text>
          <Trans>No cohorts yet. A cohort is one round of matching with its own dates.</Trans>
        </Text>
      )}
      {cohorts.data?.cohorts.map((cohort) => (
        <Card key={cohort.id} withBorder component="article">
          <Anchor component={Link} to={`/cohorts/${cohort.id}`} fw={600} size="lg">
            {cohort.name}
          </Anchor>
          <Text size="sm">
            <Trans>
              {formatDate(cohort.startsOn)} – {formatDate(cohort.endsOn)} · {cohort.members} members ·{' '}
              {cohort.guides} guides ({cohort.guideSeats} seats)
            </Trans>
          </Text>
        </Card>
      ))}
      <Card withBorder component="section" aria-labelledby="new-cohort">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack>
            <Title order={2} size="h3" id="new-cohort">
              <Trans>Create a cohort</Trans>
            </Title>
            <TextInput label={t`Cohort name`} required {...form.getInputProps('name')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {dateFields.map(([field, label]) => (
                <TextInput key={field} type="date" label={label} required {...form.getInputProps(field)} />
              ))}
            </SimpleGrid>
            <Group grow>
              <Select
                label={t`Kind of relationship`}
                data={[
                  { value: 'mentoring', label: t`Mentoring` },
                  { value: 'coaching', label: t`Coaching` },
                  { value: 'peer', label: t`Peer` },
                ]}
                allowDeselect={false}
                {...form.getInputProps('defaultKind')}
              />
              <Select
                label={t`Framing`}
                data={[
                  { value: 'time-framed', label: t`Time-framed` },
                  { value: 'goal-oriented', label: t`Goal-oriented` },
                  { value: 'ad-hoc', label: t`Ad hoc` },
                ]}
                allowDeselect={false}
                {...form.getInputProps('defaultFraming')}
              />
            </Group>
            <ProblemAlert error={create.error} title={t`Could not create the cohort`} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                <Trans>Create cohort</Trans>
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
