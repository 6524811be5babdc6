import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { type RelationshipDetail, useActions } from '../../api/relationship-queries';
import { formatDate } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

type Update =
  | { status: 'done'; outcome: string }
  | { status: 'dropped'; dropReason: string }
  | { status: 'renegotiated'; smallerTitle: string; dueDate: string | null };

export function ActionsPanel({ rel }: { rel: RelationshipDetail }) {
  const actions = useActions(rel.id);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'practical' | 'reflective'>('practical');
  const [dueDate, setDueDate] = useState('');
  const [editing, setEditing] = useState<{ id: string; mode: 'drop' | 'smaller' } | null>(null);
  const [editText, setEditText] = useState('');
  const canWork = rel.status === 'active';
  const add = useRelMutation(
    rel.id,
    () =>
      unwrap(
        api.relationships[':relationshipId'].actions.$post({
          param: { relationshipId: rel.id },
          json: { kind, text, owner: 'member', dueDate: dueDate || null },
        }),
      ),
    () => setText(''),
  );
  const update = useRelMutation(
    rel.id,
    ({ id, change }: { id: string; change: Update }) =>
      unwrap(api.actions[':actionId'].$patch({ param: { actionId: id }, json: change })),
    () => setEditing(null),
  );
  return (
    <Card withBorder component="section" aria-labelledby="actions-title">
      <Stack>
        <Title order={2} size="h3" id="actions-title">
          <Trans>Actions between sessions</Trans>
        </Title>
        <ProblemAlert error={actions.error ?? update.error} />
        {actions.data?.actions.length === 0 && (
          <Text>
            <Trans>
              No actions yet. Each held session ends with at least one next step, which lands here.
            </Trans>
          </Text>
        )}
        <Stack component="ul" p={0} gap="sm" style={{ listStyle: 'none' }} aria-label={t`Actions`}>
          {actions.data?.actions.map((action) => (
            <li key={action.id}>
              <Group gap="xs">
                <Text fw={600} td={action.status === 'dropped' ? 'line-through' : undefined}>
                  {action.title}
                </Text>
                <Badge
                  variant="light"
                  color={action.status === 'done' ? 'teal' : action.status === 'open' ? 'indigo' : 'gray'}
                >
                  {action.status}
                </Badge>
              </Group>
              <Text size="sm">
                {action.kind} · {action.ownerName}
                {action.dueDate ? t` · due ${formatDate(action.dueDate)}` : ''}
                {action.dropReason ? t` · dropped because: ${action.dropReason}` : ''}
              </Text>
              {canWork && action.status === 'open' && (
                <Group gap="xs" mt={4}>
                  <Button
                    size="xs"
                    variant="light"
                    color="teal"
                    onClick={() => update.mutate({ id: action.id, change: { status: 'done', outcome: '' } })}
                  >
                    <Trans>Mark “{action.title}” done</Trans>
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => {
                      setEditing({ id: action.id, mode: 'smaller' });
                      setEditText('');
                    }}
                  >
                    <Trans>Make it smaller</Trans>
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => {
                      setEditing({ id: action.id, mode: 'drop' });
                      setEditText('');
                    }}
                  >
                    <Trans>Drop</Trans>
                  </Button>
                </Group>
              )}
              {editing?.id === action.id && (
                <Group align="flex-end" mt={4}>
                  <TextInput
                    label={editing.mode === 'drop' ? t`Why drop it?` : t`The smaller version`}
                    value={editText}
                    onChange={(e) => setEditText(e.currentTarget.value)}
                  />
                  <Button
                    size="sm"
                    onClick={() =>
                      update.mutate({
                        id: action.id,
                        change:
                          editing.mode === 'drop'
                            ? { status: 'dropped', dropReason: editText }
                            : { status: 'renegotiated', smallerTitle: editText, dueDate: null },
                      })
                    }
                  >
                    <Trans>Save</Trans>
                  </Button>
                </Group>
              )}
            </li>
          ))}
        </Stack>
        {canWork && (
          <form
            aria-labelledby="add-action-title"
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate(undefined);
            }}
          >
            <Stack gap="xs">
              <Title order={3} size="h5" id="add-action-title">
                <Trans>Add an action</Trans>
              </Title>
              <Group align="flex-end" grow>
                <TextInput label={t`Action`} value={text} onChange={(e) => setText(e.currentTarget.value)} />
                <Select
                  label={t`Kind`}
                  allowDeselect={false}
                  value={kind}
                  onChange={(v) => setKind(v === 'reflective' ? 'reflective' : 'practical')}
                  data={[
                    { value: 'practical', label: t`Practical (something to do)` },
                    { value: 'reflective', label: t`Reflective (something to think through)` },
                  ]}
                />
                <TextInput
                  label={t`Due date`}
                  type="date"
                  value={dueDate}
                  onChange={(e) => setDueDate(e.currentTarget.value)}
                />
              </Group>
              <ProblemAlert error={add.error} />
              <Button type="submit" variant="light" loading={add.isPending}>
                <Trans>Add action</Trans>
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
