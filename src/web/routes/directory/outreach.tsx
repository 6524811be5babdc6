import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { checkAsk } from '../../../domain/asks/check-ask';
import { composeCircleBack } from '../../../domain/asks/compose-circle-back';
import { api, unwrap } from '../../api/client';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';

const stages = [
  { value: 'drafted', label: 'Drafted' },
  { value: 'sent', label: 'Sent' },
  { value: 'replied', label: 'Replied' },
  { value: 'applied', label: 'Advice applied' },
  { value: 'circled-back', label: 'Circled back' },
  { value: 'escalated', label: '15-minute call' },
  { value: 'recurring', label: 'Recurring' },
] as const;
type Stage = (typeof stages)[number]['value'];

// The checker runs in the browser as the member types, from the same rule the API uses.
function AskChecker({ text, hook }: { text: string; hook: string }) {
  if (text.trim() === '') return null;
  const check = checkAsk(text, { hook });
  return (
    <Alert
      color={check.ok ? 'teal' : 'orange'}
      variant="light"
      title={check.ok ? t`Answerable in under two minutes` : t`This ask is too big`}
      role="status"
    >
      <Text size="sm">
        <Trans>
          About {Math.max(1, Math.round(check.estimatedSecondsToAnswer / 60))} minute(s) to answer.
        </Trans>
      </Text>
      <List size="sm" mt={4}>
        {check.issues.map((issue) => (
          <List.Item key={issue.code}>
            {issue.message} {issue.suggestion}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

type Entry = Awaited<ReturnType<typeof loadOutreach>>['contacts'][number];
const loadOutreach = () => unwrap(api.outreach.$get());

function OutreachEntry({ entry }: { entry: Entry }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(entry.askDraft);
  const [advice, setAdvice] = useState(entry.advice);
  const [appliedTo, setAppliedTo] = useState(entry.appliedTo);
  const [result, setResult] = useState(entry.result);
  const [offeredBack, setOfferedBack] = useState(entry.offeredBack);
  const update = useMutation({
    mutationFn: (json: Record<string, string>) =>
      unwrap(api.outreach[':outreachId'].$patch({ param: { outreachId: entry.id }, json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outreach'] }),
  });
  return (
    <Card withBorder component="article" aria-labelledby={`outreach-${entry.id}`}>
      <Group justify="space-between">
        <Title order={2} size="h4" id={`outreach-${entry.id}`}>
          {entry.name}
        </Title>
        <Badge variant="light">{stages.find((s) => s.value === entry.stage)?.label}</Badge>
      </Group>
      <Text size="sm" mt={4}>
        <Trans>Why them:</Trans> {entry.provenExcellence || '—'} <Trans>· How they explain:</Trans>{' '}
        {entry.explainsHow || '—'} <Trans>· Hook:</Trans> {entry.hook || '—'}
      </Text>
      {entry.nudges.map((nudge) => (
        <Alert key={nudge.code} mt="xs" color="indigo" variant="light">
          {nudge.message}
        </Alert>
      ))}
      <Stack mt="sm" gap="xs">
        <Textarea
          label={t`Ask to ${entry.name}`}
          minRows={3}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <AskChecker text={draft} hook={entry.hook} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t`Stage with ${entry.name}`}
            data={[...stages]}
            value={entry.stage}
            allowDeselect={false}
            onChange={(value) => value && update.mutate({ stage: value as Stage })}
          />
          <TextInput
            label={t`What I offered back`}
            value={offeredBack}
            onChange={(e) => setOfferedBack(e.currentTarget.value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t`Their advice`}
            value={advice}
            onChange={(e) => setAdvice(e.currentTarget.value)}
          />
          <TextInput
            label={t`Where I applied it`}
            value={appliedTo}
            onChange={(e) => setAppliedTo(e.currentTarget.value)}
          />
          <TextInput
            label={t`What happened`}
            value={result}
            onChange={(e) => setResult(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Text size="sm" fw={600}>
          <Trans>Circle-back note</Trans>
        </Text>
        <Text size="sm" component="blockquote">
          {composeCircleBack({ advice, appliedTo, result })}
        </Text>
        <Group>
          <Button
            size="xs"
            onClick={() => update.mutate({ askDraft: draft, advice, appliedTo, result, offeredBack })}
          >
            <Trans>Save {entry.name}</Trans>
          </Button>
        </Group>
        <ProblemAlert error={update.error} />
      </Stack>
    </Card>
  );
}

export function OutreachPage() {
  const queryClient = useQueryClient();
  const outreach = useQuery({ queryKey: ['outreach'], queryFn: loadOutreach });
  const [form, setForm] = useState({
    name: '',
    contact: '',
    provenExcellence: '',
    explainsHow: '',
    hook: '',
    askDraft: '',
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.outreach.$post({ json: form })),
    onSuccess: () => {
      setForm({ name: '', contact: '', provenExcellence: '', explainsHow: '', hook: '', askDraft: '' });
      queryClient.invalidateQueries({ queryKey: ['outreach'] });
    },
  });
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Stack maw={900}>
      <Title order={1}>
        <Trans>The smallest ask</Trans>
      </Title>
      <Text>
        <Trans>
          Experts outside Corner answer a first note that takes under two minutes. Use their advice, tell them
          how it went, and the relationship can grow from there.
        </Trans>
      </Text>
      <Card withBorder component="form" onSubmit={submit} aria-labelledby="new-outreach">
        <Title order={2} size="h4" id="new-outreach">
          <Trans>Someone to reach out to</Trans>
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          <TextInput label={t`Name`} required {...field('name')} />
          <TextInput label={t`How to reach them`} {...field('contact')} />
          <TextInput label={t`Proven excellence (what they achieved)`} {...field('provenExcellence')} />
          <TextInput label={t`How they explain their work (talks, writing)`} {...field('explainsHow')} />
        </SimpleGrid>
        <TextInput mt="xs" label={t`The hook: a talk, article or framework of theirs`} {...field('hook')} />
        <Textarea mt="xs" label={t`Your first ask`} minRows={3} {...field('askDraft')} />
        <AskChecker text={form.askDraft} hook={form.hook} />
        <ProblemAlert error={create.error} />
        <Group mt="sm">
          <Button type="submit" loading={create.isPending}>
            <Trans>Add to tracker</Trans>
          </Button>
        </Group>
      </Card>
      {outreach.isPending && <CenteredLoader label={t`Loading your tracker`} />}
      <ProblemAlert error={outreach.error} />
      {outreach.data?.contacts.length === 0 && (
        <Text c="dimmed">
          <Trans>Nobody in your tracker yet.</Trans>
        </Text>
      )}
      {outreach.data?.contacts.map((entry) => (
        <OutreachEntry key={entry.id} entry={entry} />
      ))}
    </Stack>
  );
}
