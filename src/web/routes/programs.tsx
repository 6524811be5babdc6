import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

export function ProgramsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const programs = useQuery({ queryKey: ['programs'], queryFn: () => unwrap(api.programs.$get()) });
  const form = useForm({ initialValues: { name: '', description: '' } });
  const create = useMutation({
    mutationFn: (values: { name: string; description: string }) =>
      unwrap(api.programs.$post({ json: values })),
    // A new program's next step is its first cohort, on its own page.
    onSuccess: async (program) => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
      navigate(`/programs/${program.id}`);
    },
  });
  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Programs you run</Trans>
      </Title>
      <Text>
        <Trans>
          Run a mentoring program: open cohorts, import applications from your spreadsheet, match members and
          guides, and keep an eye on how pairs are doing — without ever reading anyone’s private notes.
        </Trans>
      </Text>
      {programs.isPending && <CenteredLoader label={t`Loading programs`} />}
      <ProblemAlert error={programs.error} />
      {programs.data?.programs.length === 0 && (
        <Text>
          <Trans>You don’t run a program yet. Create one below.</Trans>
        </Text>
      )}
      {programs.data?.programs.map((program) => (
        <Card key={program.id} withBorder component="article">
          <Anchor component={Link} to={`/programs/${program.id}`} fw={600} size="lg">
            {program.name}
          </Anchor>
          <Text size="sm">
            {plural(program.cohorts, { one: '# cohort', other: '# cohorts' })}
            {program.description ? ` · ${program.description}` : ''}
          </Text>
        </Card>
      ))}
      <Card withBorder component="section" aria-labelledby="new-program">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack>
            <Title order={2} size="h3" id="new-program">
              <Trans>Create a program</Trans>
            </Title>
            <TextInput label={t`Program name`} required {...form.getInputProps('name')} />
            <Textarea
              label={t`What it is for (optional)`}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <ProblemAlert error={create.error} title={t`Could not create the program`} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                <Trans>Create program</Trans>
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
