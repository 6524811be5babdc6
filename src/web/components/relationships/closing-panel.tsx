import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { RelationshipDetail } from '../../api/relationship-queries';
import { formatDate } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

type Kind = 'midpoint' | 'retrospective' | 'guide-self' | 'member-view';

const fields = (): Record<Kind, { key: string; label: string; type: 'text' | 'score' | 'ynp' }[]> => ({
  midpoint: [
    { key: 'whatWorks', label: t`What is working so far?`, type: 'text' },
    { key: 'whatToChange', label: t`What should we change for the second half?`, type: 'text' },
    { key: 'onTrack', label: t`Are we on track for the goal?`, type: 'ynp' },
  ],
  retrospective: [
    { key: 'takeaways', label: t`Key takeaways`, type: 'text' },
    { key: 'whatWorked', label: t`What worked`, type: 'text' },
    { key: 'whatToChange', label: t`What to change next time`, type: 'text' },
    { key: 'goalAchieved', label: t`Goal achieved?`, type: 'ynp' },
    { key: 'whatsNext', label: t`What’s next`, type: 'text' },
  ],
  'guide-self': [
    { key: 'responsive', label: t`Was I responsive? (1–5)`, type: 'score' },
    { key: 'listened', label: t`Did I listen? (1–5)`, type: 'score' },
    { key: 'committed', label: t`Was I committed? (1–5)`, type: 'score' },
    { key: 'guidedRatherThanControlled', label: t`Did I guide rather than control? (1–5)`, type: 'score' },
    { key: 'empathy', label: t`Did I show enough empathy? (1–5)`, type: 'score' },
    { key: 'note', label: t`A note to myself`, type: 'text' },
  ],
  'member-view': [
    { key: 'satisfied', label: t`How satisfied are you? (1–5)`, type: 'score' },
    { key: 'valuable', label: t`How valuable was it? (1–5)`, type: 'score' },
    { key: 'goalMet', label: t`Was your goal met?`, type: 'ynp' },
    { key: 'note', label: t`Anything else`, type: 'text' },
  ],
});

const titles = (): Record<Kind, string> => ({
  midpoint: t`Mid-point check-in`,
  retrospective: t`Closing retrospective`,
  'guide-self': t`My self-reflection (only you see this)`,
  'member-view': t`Your view of the relationship`,
});

type ReflectionBody = Parameters<
  (typeof api.relationships)[':relationshipId']['reflections']['$post']
>[0]['json'];
type Values = Record<string, string | number>;

const text = (values: Values, key: string) => String(values[key] ?? '');
const score = (values: Values, key: string) => Number(values[key] ?? 3);
const ynp = (values: Values, key: string) => {
  const value = values[key];
  return value === 'yes' || value === 'no' ? value : 'partly';
};

// One body per kind, so the typed client checks each shape against the server's schema.
function toBody(kind: Kind, v: Values): ReflectionBody {
  switch (kind) {
    case 'midpoint':
      return {
        kind,
        answers: {
          whatWorks: text(v, 'whatWorks'),
          whatToChange: text(v, 'whatToChange'),
          onTrack: ynp(v, 'onTrack'),
        },
      };
    case 'retrospective':
      return {
        kind,
        answers: {
          takeaways: text(v, 'takeaways'),
          whatWorked: text(v, 'whatWorked'),
          whatToChange: text(v, 'whatToChange'),
          goalAchieved: ynp(v, 'goalAchieved'),
          whatsNext: text(v, 'whatsNext'),
        },
      };
    case 'guide-self':
      return {
        kind,
        answers: {
          responsive: score(v, 'responsive'),
          listened: score(v, 'listened'),
          committed: score(v, 'committed'),
          guidedRatherThanControlled: score(v, 'guidedRatherThanControlled'),
          empathy: score(v, 'empathy'),
          note: text(v, 'note'),
        },
      };
    case 'member-view':
      return {
        kind,
        answers: {
          satisfied: score(v, 'satisfied'),
          valuable: score(v, 'valuable'),
          goalMet: ynp(v, 'goalMet'),
          note: text(v, 'note'),
        },
      };
  }
}

function ReflectionForm({ rel, kind }: { rel: RelationshipDetail; kind: Kind }) {
  const [values, setValues] = useState<Values>({});
  const save = useRelMutation(rel.id, () =>
    unwrap(
      api.relationships[':relationshipId'].reflections.$post({
        param: { relationshipId: rel.id },
        json: toBody(kind, values),
      }),
    ),
  );
  return (
    <form
      aria-label={titles()[kind]}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(undefined);
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {titles()[kind]}
        </Title>
        {fields()[kind].map((f) =>
          f.type === 'text' ? (
            <Textarea
              key={f.key}
              label={f.label}
              value={String(values[f.key] ?? '')}
              onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
            />
          ) : f.type === 'score' ? (
            <NumberInput
              key={f.key}
              label={f.label}
              min={1}
              max={5}
              value={Number(values[f.key] ?? 3)}
              onChange={(v) => setValues({ ...values, [f.key]: Number(v) || 3 })}
            />
          ) : (
            <Select
              key={f.key}
              label={f.label}
              allowDeselect={false}
              value={String(values[f.key] ?? 'partly')}
              onChange={(v) => setValues({ ...values, [f.key]: v ?? 'partly' })}
              data={['yes', 'partly', 'no']}
            />
          ),
        )}
        <ProblemAlert error={save.error} />
        <Button type="submit" variant="light" loading={save.isPending}>
          <Trans>Save</Trans>
        </Button>
      </Stack>
    </form>
  );
}

export function ClosingPanel({ rel }: { rel: RelationshipDetail }) {
  const answered = (kind: Kind) => rel.reflections.some((r) => r.kind === kind && r.mine);
  const own: Kind = rel.myRole === 'guide' ? 'guide-self' : 'member-view';
  const close = useRelMutation(rel.id, () =>
    unwrap(api.relationships[':relationshipId'].close.$post({ param: { relationshipId: rel.id } })),
  );
  const [problemKind, setProblemKind] = useState<'no-show' | 'misconduct' | 'other'>('no-show');
  const [details, setDetails] = useState('');
  const [reported, setReported] = useState(false);
  const report = useRelMutation(
    rel.id,
    () =>
      unwrap(
        api.relationships[':relationshipId']['problem-reports'].$post({
          param: { relationshipId: rel.id },
          json: { kind: problemKind, details },
        }),
      ),
    () => {
      setDetails('');
      setReported(true);
    },
  );
  const open = rel.status === 'active' || rel.status === 'closed';
  const dueDate = rel.midpoint.dueDate ? formatDate(rel.midpoint.dueDate) : '';
  return (
    <Card withBorder component="section" aria-labelledby="closing-title">
      <Stack>
        <Title order={2} size="h3" id="closing-title">
          <Trans>Reflect and close</Trans>
        </Title>
        {rel.midpoint.applies && (
          <Text>
            {rel.midpoint.due ? (
              <Trans>
                Mid-point check-in is due now. Each of you answers; you see each other’s answers once both
                have.
              </Trans>
            ) : (
              <Trans>
                Mid-point check-in falls on {dueDate}. Each of you answers; you see each other’s answers once
                both have.
              </Trans>
            )}
          </Text>
        )}
        {rel.reflections.length > 0 && (
          <List size="sm">
            {rel.reflections.map((r) => (
              <List.Item key={`${r.kind}-${r.authorRole}`}>
                {titles()[r.kind]} — {r.mine ? t`you` : t`the ${r.authorRole}`}:{' '}
                {Object.entries(r.answers)
                  .filter(([, v]) => v !== '')
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('; ')}
              </List.Item>
            ))}
          </List>
        )}
        {open && rel.midpoint.applies && rel.midpoint.due && !answered('midpoint') && (
          <ReflectionForm rel={rel} kind="midpoint" />
        )}
        {open && !answered('retrospective') && <ReflectionForm rel={rel} kind="retrospective" />}
        {open && !answered(own) && <ReflectionForm rel={rel} kind={own} />}
        <Group>
          <Trans>
            <Anchor component={Link} to={`/relationships/${rel.id}/report`}>
              End report
            </Anchor>
          </Trans>
          {rel.status === 'active' && (
            <Button
              variant="light"
              color="gray"
              onClick={() => close.mutate(undefined)}
              loading={close.isPending}
            >
              <Trans>Close the relationship</Trans>
            </Button>
          )}
        </Group>
        <ProblemAlert error={close.error} />
        {open && (
          <form
            aria-labelledby="report-problem-title"
            onSubmit={(event) => {
              event.preventDefault();
              report.mutate(undefined);
            }}
          >
            <Stack gap="xs">
              <Title order={3} size="h5" id="report-problem-title">
                <Trans>Report a problem to the program admin</Trans>
              </Title>
              <Select
                label={t`What happened`}
                allowDeselect={false}
                value={problemKind}
                onChange={(v) =>
                  setProblemKind(v === 'misconduct' ? 'misconduct' : v === 'other' ? 'other' : 'no-show')
                }
                data={[
                  { value: 'no-show', label: 'A no-show' },
                  { value: 'misconduct', label: t`Misconduct` },
                  { value: 'other', label: t`Something else` },
                ]}
              />
              <Textarea
                label={t`Details`}
                value={details}
                onChange={(e) => setDetails(e.currentTarget.value)}
              />
              <ProblemAlert error={report.error} />
              {reported && (
                <Text role="status">
                  <Trans>Thank you. The report was stored for the program admin.</Trans>
                </Text>
              )}
              <Button type="submit" variant="subtle" color="red">
                <Trans>Send report</Trans>
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
