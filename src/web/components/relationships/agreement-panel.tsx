import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
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
  const terms = version.terms;
  return (
    <List size="sm">
      <List.Item>
        <Trans>
          {cadenceLabel[terms.cadence]}, {terms.sessionMinutes} minutes, by {terms.format}
        </Trans>
        {terms.place ? ` (${terms.place})` : ''}
      </List.Item>
      <List.Item>
        <Trans>
          Replies within {terms.responsiveness.within} {terms.responsiveness.unit} on{' '}
          {terms.responsiveness.channels.join(', ')}
        </Trans>
      </List.Item>
      <List.Item>
        <Trans>Preparation:</Trans> {terms.preparation || '—'}
      </List.Item>
      <List.Item>
        <Trans>Confidentiality:</Trans> {terms.confidentiality || '—'}
      </List.Item>
      <List.Item>
        <Trans>Intended outcomes:</Trans> {terms.intendedOutcomes || '—'}
      </List.Item>
      <List.Item>
        <Trans>Planned length:</Trans>{' '}
        {terms.plannedMonths ? t`${terms.plannedMonths} months` : t`open-ended`}
      </List.Item>
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
          title={w.level === 'warning' ? t`Worth talking about` : t`A hint`}
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
          <Trans>Agreement</Trans>
        </Title>
        {!current && !pending && (
          <Text>
            <Trans>
              No agreement yet. Agree how often you meet, for how long, how quickly you reply and what stays
              between you. Either of you proposes; the other accepts.
            </Trans>
          </Text>
        )}
        {current && (
          <Stack gap="xs">
            <Group>
              <Title order={3} size="h5">
                <Trans>What we agreed (version {current.version})</Trans>
              </Title>
              <Badge variant="light" color="teal">
                <Trans>accepted</Trans>
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
                <Trans>
                  Proposed by the {pending.proposedByRole} (version {pending.version})
                </Trans>
              </Title>
              <Badge variant="light" color="yellow">
                <Trans>waiting for acceptance</Trans>
              </Badge>
            </Group>
            <Terms version={pending} />
            <Warnings version={pending} />
            {pending.proposedByRole !== rel.myRole && canWork && (
              <Button onClick={() => accept.mutate(pending.version)} loading={accept.isPending}>
                <Trans>Accept version {pending.version}</Trans>
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
              {current || pending ? t`Propose a change` : t`Propose an agreement`}
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
    <form onSubmit={submit} aria-label={t`Propose agreement`}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t`Cadence`}
            allowDeselect={false}
            value={terms.cadence}
            onChange={(v) => set('cadence', v === 'weekly' || v === 'monthly' ? v : 'biweekly')}
            data={Object.entries(cadenceLabel).map(([value, label]) => ({ value, label }))}
          />
          <Select
            label={t`Session length`}
            allowDeselect={false}
            value={String(terms.sessionMinutes)}
            onChange={(v) => set('sessionMinutes', v === '30' ? 30 : v === '90' ? 90 : 60)}
            data={['30', '60', '90'].map((value) => ({ value, label: t`${value} minutes` }))}
          />
          <Select
            label={t`Format`}
            allowDeselect={false}
            value={terms.format}
            onChange={(v) => set('format', v === 'phone' || v === 'in-person' ? v : 'video')}
            data={[
              { value: 'video', label: t`Video` },
              { value: 'phone', label: t`Phone` },
              { value: 'in-person', label: t`In person` },
            ]}
          />
        </SimpleGrid>
        <TextInput
          label={t`Place (for in-person sessions)`}
          value={terms.place ?? ''}
          onChange={(e) => set('place', e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t`Reply within`}
            min={1}
            value={terms.responsiveness.within}
            onChange={(v) => set('responsiveness', { ...terms.responsiveness, within: Number(v) || 1 })}
          />
          <Select
            label={t`Unit`}
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
            label={t`Channels (comma-separated)`}
            value={channels}
            onChange={(e) => setChannels(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={t`Preparation between sessions`}
          autosize
          value={terms.preparation}
          onChange={(e) => set('preparation', e.currentTarget.value)}
        />
        <Textarea
          label={t`What each of us may share (confidentiality)`}
          autosize
          value={terms.confidentiality}
          onChange={(e) => set('confidentiality', e.currentTarget.value)}
        />
        <Textarea
          label={t`Intended outcomes`}
          autosize
          value={terms.intendedOutcomes}
          onChange={(e) => set('intendedOutcomes', e.currentTarget.value)}
        />
        <NumberInput
          label={t`Planned length in months (empty for open-ended)`}
          min={1}
          max={36}
          value={terms.plannedMonths ?? ''}
          onChange={(v) => set('plannedMonths', v === '' ? null : Number(v))}
        />
        <ProblemAlert error={propose.error} title={t`Could not propose the agreement`} />
        <Group>
          <Button type="submit" loading={propose.isPending}>
            <Trans>Send proposal</Trans>
          </Button>
          <Button variant="subtle" onClick={onDone}>
            <Trans>Cancel</Trans>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
