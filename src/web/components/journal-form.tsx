import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Checkbox, Select, Stack, Switch, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useJournalPrompts } from '../api/relationship-queries';
import { ProblemAlert } from './problem-alert';

// One form for both journals: inside a relationship (shareable with the guide, pinnable for the next
// session) and on its own for self-coaching, where there is nobody to share with.
export function JournalForm({ relationshipId }: { relationshipId: string | null }) {
  const queryClient = useQueryClient();
  const prompts = useJournalPrompts();
  const [promptId, setPromptId] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [isDecision, setIsDecision] = useState(false);
  const [decision, setDecision] = useState({ decision: '', options: '', expectation: '' });
  const write = useMutation({
    mutationFn: () =>
      unwrap(
        api.journal.$post({
          json: {
            relationshipId,
            body: isDecision ? undefined : body,
            promptId: isDecision ? null : promptId,
            sharedWithGuide: relationshipId !== null && shared,
            pinnedForNextSession: relationshipId !== null && pinned,
            decision: isDecision ? decision : null,
          },
        }),
      ),
    // The form resets first, so nothing typed while the lists refresh is wiped afterwards.
    onSuccess: async () => {
      setBody('');
      setDecision({ decision: '', options: '', expectation: '' });
      await queryClient.invalidateQueries({ queryKey: ['journal'] });
      if (relationshipId) await queryClient.invalidateQueries({ queryKey: ['relationship', relationshipId] });
    },
  });
  const chosen = prompts.data?.prompts.find((p) => p.id === promptId);
  return (
    <form
      aria-labelledby="journal-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        write.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5" id="journal-form-title">
          <Trans>Write an entry</Trans>
        </Title>
        <Switch
          label={t`This is a decision (we will ask what happened after 30 and 90 days)`}
          checked={isDecision}
          onChange={(e) => setIsDecision(e.currentTarget.checked)}
        />
        {isDecision ? (
          <>
            <Textarea
              label={t`What are you deciding?`}
              value={decision.decision}
              onChange={(e) => setDecision({ ...decision, decision: e.currentTarget.value })}
            />
            <Textarea
              label={t`Which options did you weigh, including doing nothing?`}
              value={decision.options}
              onChange={(e) => setDecision({ ...decision, options: e.currentTarget.value })}
            />
            <Textarea
              label={t`What do you expect to happen, and by when?`}
              value={decision.expectation}
              onChange={(e) => setDecision({ ...decision, expectation: e.currentTarget.value })}
            />
          </>
        ) : (
          <>
            <Select
              label={t`A question to start from (optional)`}
              clearable
              value={promptId}
              onChange={setPromptId}
              data={(prompts.data?.prompts ?? []).map((p) => ({ value: p.id, label: p.text }))}
            />
            <Textarea
              label={t`Entry`}
              description={chosen ? t`Going deeper: ${chosen.deeper}` : undefined}
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
          </>
        )}
        {relationshipId !== null && (
          <>
            <Checkbox
              label={t`Share this entry with my guide`}
              checked={shared}
              onChange={(e) => setShared(e.currentTarget.checked)}
            />
            <Checkbox
              label={t`Bring to next session`}
              checked={pinned}
              onChange={(e) => setPinned(e.currentTarget.checked)}
            />
          </>
        )}
        <ProblemAlert error={write.error} title={t`Could not save the entry`} />
        <Button type="submit" variant="light" loading={write.isPending}>
          <Trans>Save entry</Trans>
        </Button>
      </Stack>
    </form>
  );
}
