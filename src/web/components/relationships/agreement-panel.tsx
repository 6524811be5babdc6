import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { defaultAgreementTerms } from '../../../domain/agreements/agreement-terms';
import { api, unwrap } from '../../api/client';
import type { AgreementTermsView, RelationshipDetail } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

const cadenceLabel = { weekly: 'Weekly', biweekly: 'Every two weeks', monthly: 'Monthly' } as const;

type Version = NonNullable<RelationshipDetail['agreement']['pending']>;

function Terms({ version }: { version: Version }) {
  const t = version.terms;
  return (
    <List size="sm">
      <List.Item>
        {cadenceLabel[t.cadence]}, {t.sessionMinutes} minutes, by {t.format}
        {t.place ? ` (${t.place})` : ''}
      </List.Item>
      <List.Item>
        Replies within {t.responsiveness.within} {t.responsiveness.unit} on{' '}
        {t.responsiveness.channels.join(', ')}
      </List.Item>
      <List.Item>Preparation: {t.preparation || '—'}</List.Item>
      <List.Item>Confidentiality: {t.confidentiality || '—'}</List.Item>
      <List.Item>Intended outcomes: {t.intendedOutcomes || '—'}</List.Item>
      <List.Item>Planned length: {t.plannedMonths ? `${t.plannedMonths} months` : 'open-ended'}</List.Item>
    </List>
  );
}

function Warnings({ version }: { version: Version }) {
  if (version.warnings.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="agreement-warnings">
      {version.warnings.map((w) => (
        <Alert
          key={w.code}
          color={w.level === 'warning' ? 'orange' : 'blue'}
          title={w.level === 'warning' ? 'Worth talking about' : 'A hint'}
        >
          {w.message} {w.suggestion}
        </Alert>
      ))}
    </Stack>
  );
}

export function AgreementPanel({ rel }: { rel: RelationshipDetail }) {
  const { current, pending } = rel.agreement;
  const [editing, setEditing] = useState(false);
  const accept = useRelMutation(rel.id, (version: number) =>
    unwrap(
      api.relationships[':relationshipId'].agreements[':version'].accept.$post({
        param: { relationshipId: rel.id, version: String(version) },
      }),
    ),
  );
  const canWork = rel.status === 'active';
  return (
    <Card withBorder component="section" aria-labelledby="agreement-title">
      <Stack>
        <Title order={2} size="h3" id="agreement-title">
          Agreement
        </Title>
        {!current && !pending && (
          <Text>
            No agreement yet. Agree how often you meet, for how long, how quickly you reply and what stays
            between you. Either of you proposes; the other accepts.
          </Text>
        )}
        {current && (
          <Stack gap="xs">
            <Group>
              <Title order={3} size="h5">
                What we agreed (version {current.version})
              </Title>
              <Badge variant="light" color="teal">
                accepted
              </Badge>
            </Group>
            <Terms version={current} />
            <Warnings version={current} />
          </Stack>
        )}
        {pending && (
          <Stack gap="xs">
            <Group>
              <Title order={3} size="h5">
                Proposed by the {pending.proposedByRole} (version {pending.version})
              </Title>
              <Badge variant="light" color="yellow">
                waiting for acceptance
              </Badge>
            </Group>
            <Terms version={pending} />
            <Warnings version={pending} />
            {pending.proposedByRole !== rel.myRole && canWork && (
              <Button onClick={() => accept.mutate(pending.version)} loading={accept.isPending}>
                Accept version {pending.version}
              </Button>
            )}
            <ProblemAlert error={accept.error} />
          </Stack>
        )}
        {canWork &&
          (editing ? (
            <AgreementForm rel={rel} onDone={() => setEditing(false)} />
          ) : (
            <Button variant="light" onClick={() => setEditing(true)}>
              {current || pending ? 'Propose a change' : 'Propose an agreement'}
            </Button>
          ))}
      </Stack>
    </Card>
  );
}

function AgreementForm({ rel, onDone }: { rel: RelationshipDetail; onDone: () => void }) {
  const start =
    rel.agreement.pending?.terms ?? rel.agreement.current?.terms ?? defaultAgreementTerms(rel.kind);
  const [terms, setTerms] = useState<AgreementTermsView>(start);
  const [channels, setChannels] = useState(start.responsiveness.channels.join(', '));
  const set = <K extends keyof AgreementTermsView>(key: K, value: AgreementTermsView[K]) =>
    setTerms((previous) => ({ ...previous, [key]: value }));
  const propose = useRelMutation(
    rel.id,
    (value: AgreementTermsView) =>
      unwrap(
        api.relationships[':relationshipId'].agreements.$post({
          param: { relationshipId: rel.id },
          json: { terms: value },
        }),
      ),
    onDone,
  );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const list = channels
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    propose.mutate({ ...terms, responsiveness: { ...terms.responsiveness, channels: list } });
  };
  return (
    <form onSubmit={submit} aria-label="Propose agreement">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Cadence"
            allowDeselect={false}
            value={terms.cadence}
            onChange={(v) => set('cadence', v === 'weekly' || v === 'monthly' ? v : 'biweekly')}
            data={Object.entries(cadenceLabel).map(([value, label]) => ({ value, label }))}
          />
          <Select
            label="Session length"
            allowDeselect={false}
            value={String(terms.sessionMinutes)}
            onChange={(v) => set('sessionMinutes', v === '30' ? 30 : v === '90' ? 90 : 60)}
            data={['30', '60', '90'].map((value) => ({ value, label: `${value} minutes` }))}
          />
          <Select
            label="Format"
            allowDeselect={false}
            value={terms.format}
            onChange={(v) => set('format', v === 'phone' || v === 'in-person' ? v : 'video')}
            data={[
              { value: 'video', label: 'Video' },
              { value: 'phone', label: 'Phone' },
              { value: 'in-person', label: 'In person' },
            ]}
          />
        </SimpleGrid>
        <TextInput
          label="Place (for in-person sessions)"
          value={terms.place ?? ''}
          onChange={(e) => set('place', e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Reply within"
            min={1}
            value={terms.responsiveness.within}
            onChange={(v) => set('responsiveness', { ...terms.responsiveness, within: Number(v) || 1 })}
          />
          <Select
            label="Unit"
            allowDeselect={false}
            value={terms.responsiveness.unit}
            onChange={(v) =>
              set('responsiveness', { ...terms.responsiveness, unit: v === 'hours' ? 'hours' : 'days' })
            }
            data={[
              { value: 'hours', label: 'hours' },
              { value: 'days', label: 'days' },
            ]}
          />
          <TextInput
            label="Channels (comma-separated)"
            value={channels}
            onChange={(e) => setChannels(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label="Preparation between sessions"
          autosize
          value={terms.preparation}
          onChange={(e) => set('preparation', e.currentTarget.value)}
        />
        <Textarea
          label="What each of us may share (confidentiality)"
          autosize
          value={terms.confidentiality}
          onChange={(e) => set('confidentiality', e.currentTarget.value)}
        />
        <Textarea
          label="Intended outcomes"
          autosize
          value={terms.intendedOutcomes}
          onChange={(e) => set('intendedOutcomes', e.currentTarget.value)}
        />
        <NumberInput
          label="Planned length in months (empty for open-ended)"
          min={1}
          max={36}
          value={terms.plannedMonths ?? ''}
          onChange={(v) => set('plannedMonths', v === '' ? null : Number(v))}
        />
        <ProblemAlert error={propose.error} title="Could not propose the agreement" />
        <Group>
          <Button type="submit" loading={propose.isPending}>
            Send proposal
          </Button>
          <Button variant="subtle" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
