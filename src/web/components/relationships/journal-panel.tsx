import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import {
  type RelationshipDetail,
  useJournalPrompts,
  useRelationshipJournal,
} from '../../api/relationship-queries';
import { formatDate } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

export function JournalPanel({ rel }: { rel: RelationshipDetail }) {
  const journal = useRelationshipJournal(rel.id);
  const isMember = rel.myRole === 'member';
  const answer = useRelMutation(
    rel.id,
    ({ id, afterDays, text }: { id: string; afterDays: number; text: string }) =>
      unwrap(
        api.journal[':entryId']['follow-ups'].$post({
          param: { entryId: id },
          json: { afterDays, answer: text },
        }),
      ),
  );
  const toggle = useRelMutation(
    rel.id,
    ({ id, change }: { id: string; change: { sharedWithGuide?: boolean; pinnedForNextSession?: boolean } }) =>
      unwrap(api.journal[':entryId'].$patch({ param: { entryId: id }, json: change })),
  );
  const [answers, setAnswers] = useState<Record<string, string>>({});
  return (
    <Card withBorder component="section" aria-labelledby="journal-title">
      <Stack>
        <Title order={2} size="h3" id="journal-title">
          Journal
        </Title>
        <Text size="sm">
          {isMember
            ? 'Private by default. Share an entry with your guide, or pin it to bring it to the next session.'
            : 'Entries the member chose to share with you.'}
        </Text>
        <ProblemAlert error={journal.error ?? answer.error ?? toggle.error} />
        {journal.data?.entries.length === 0 && (
          <Text c="dimmed">{isMember ? 'Nothing written yet.' : 'Nothing shared with you yet.'}</Text>
        )}
        <Stack component="ul" p={0} gap="sm" style={{ listStyle: 'none' }} aria-label="Journal entries">
          {journal.data?.entries.map((entry) => (
            <li key={entry.id}>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {formatDate(entry.createdAt)}
                </Text>
                <Badge variant="light" color={entry.sharedWithGuide ? 'teal' : 'gray'}>
                  {entry.sharedWithGuide ? 'shared' : 'private'}
                </Badge>
                {entry.pinnedForNextSession && <Badge variant="light">bring to next session</Badge>}
              </Group>
              {entry.promptText && (
                <Text size="sm" fs="italic">
                  {entry.promptText}
                </Text>
              )}
              {entry.decision ? (
                <Text style={{ whiteSpace: 'pre-wrap' }}>
                  Decision: {entry.decision.decision}
                  {'\n'}Options: {entry.decision.options}
                  {'\n'}I expect: {entry.decision.expectation}
                </Text>
              ) : (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.body}</Text>
              )}
              {entry.followUpAnswers.map((a) => (
                <Text key={a.afterDays} size="sm">
                  After {a.afterDays} days: {a.answer}
                </Text>
              ))}
              {entry.dueFollowUps.map((followUp) => (
                <Stack key={followUp.afterDays} gap={4} mt={4}>
                  <Textarea
                    label={followUp.question}
                    value={answers[entry.id] ?? ''}
                    onChange={(e) => setAnswers({ ...answers, [entry.id]: e.currentTarget.value })}
                  />
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      answer.mutate({
                        id: entry.id,
                        afterDays: followUp.afterDays,
                        text: answers[entry.id] ?? '',
                      })
                    }
                  >
                    Save what happened
                  </Button>
                </Stack>
              ))}
              {entry.mine && (
                <Group gap="xs" mt={4}>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      toggle.mutate({ id: entry.id, change: { sharedWithGuide: !entry.sharedWithGuide } })
                    }
                  >
                    {entry.sharedWithGuide ? 'Make private' : 'Share with guide'}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      toggle.mutate({
                        id: entry.id,
                        change: { pinnedForNextSession: !entry.pinnedForNextSession },
                      })
                    }
                  >
                    {entry.pinnedForNextSession ? 'Unpin' : 'Bring to next session'}
                  </Button>
                </Group>
              )}
            </li>
          ))}
        </Stack>
        {isMember && <JournalForm rel={rel} />}
      </Stack>
    </Card>
  );
}

function JournalForm({ rel }: { rel: RelationshipDetail }) {
  const prompts = useJournalPrompts();
  const [promptId, setPromptId] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [isDecision, setIsDecision] = useState(false);
  const [decision, setDecision] = useState({ decision: '', options: '', expectation: '' });
  const write = useRelMutation(
    rel.id,
    () =>
      unwrap(
        api.journal.$post({
          json: {
            relationshipId: rel.id,
            body: isDecision ? undefined : body,
            promptId: isDecision ? null : promptId,
            sharedWithGuide: shared,
            pinnedForNextSession: pinned,
            decision: isDecision ? decision : null,
          },
        }),
      ),
    () => {
      setBody('');
      setDecision({ decision: '', options: '', expectation: '' });
    },
  );
  const chosen = prompts.data?.prompts.find((p) => p.id === promptId);
  return (
    <form
      aria-labelledby="journal-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        write.mutate(undefined);
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5" id="journal-form-title">
          Write an entry
        </Title>
        <Switch
          label="This is a decision (we will ask what happened after 30 and 90 days)"
          checked={isDecision}
          onChange={(e) => setIsDecision(e.currentTarget.checked)}
        />
        {isDecision ? (
          <>
            <Textarea
              label="What are you deciding?"
              value={decision.decision}
              onChange={(e) => setDecision({ ...decision, decision: e.currentTarget.value })}
            />
            <Textarea
              label="Which options did you weigh, including doing nothing?"
              value={decision.options}
              onChange={(e) => setDecision({ ...decision, options: e.currentTarget.value })}
            />
            <Textarea
              label="What do you expect to happen, and by when?"
              value={decision.expectation}
              onChange={(e) => setDecision({ ...decision, expectation: e.currentTarget.value })}
            />
          </>
        ) : (
          <>
            <Select
              label="A question to start from (optional)"
              clearable
              value={promptId}
              onChange={setPromptId}
              data={(prompts.data?.prompts ?? []).map((p) => ({ value: p.id, label: p.text }))}
            />
            <Textarea
              label="Entry"
              description={chosen ? `Going deeper: ${chosen.deeper}` : undefined}
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
          </>
        )}
        <Checkbox
          label="Share this entry with my guide"
          checked={shared}
          onChange={(e) => setShared(e.currentTarget.checked)}
        />
        <Checkbox
          label="Bring to next session"
          checked={pinned}
          onChange={(e) => setPinned(e.currentTarget.checked)}
        />
        <ProblemAlert error={write.error} title="Could not save the entry" />
        <Button type="submit" variant="light" loading={write.isPending}>
          Save entry
        </Button>
      </Stack>
    </form>
  );
}
