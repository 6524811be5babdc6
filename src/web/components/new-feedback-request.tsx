import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  CopyButton,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { checkFeedbackQuestion } from '../../domain/feedback/check-feedback-question';
import { api, unwrap } from '../api/client';
import { growthKeys } from '../api/growth-queries';
import { useGoals } from '../api/queries';
import { FeedbackCheckPanel } from './feedback-check-panel';
import { ProblemAlert } from './problem-alert';
import { ShareWithGuide, useGuideChoices } from './share-with-guide';

// Writing a mirror request: the checker reads along, and the link is shown once after sending.
export function NewFeedbackRequest() {
  const queryClient = useQueryClient();
  const goals = useGoals('active');
  const eqGoals = (goals.data?.goals ?? []).filter((goal) => goal.category !== 'iq');
  const [goalId, setGoalId] = useState<string | null>(null);
  const [giverName, setGiverName] = useState('');
  const [giverEmail, setGiverEmail] = useState('');
  const [moment, setMoment] = useState('');
  const [question, setQuestion] = useState('');
  const guides = useGuideChoices();
  const [sharedWith, setSharedWith] = useState<string | null>(null);
  const [scale, setScale] = useState(false);
  const [link, setLink] = useState<{ url: string; giver: string } | null>(null);
  const check = useMemo(
    () => (question.trim().length >= 8 ? checkFeedbackQuestion(question) : null),
    [question],
  );
  const chosenGoal = goalId ?? eqGoals[0]?.id ?? null;

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api['feedback-requests'].$post({
          json: {
            goalId: chosenGoal ?? '',
            question,
            moment,
            giverName,
            giverEmail: giverEmail.trim() ? giverEmail.trim() : null,
            scale,
            sharedWithGuide: sharedWith !== null,
            relationshipId: sharedWith,
          },
        }),
      ),
    onSuccess: async (created) => {
      setLink({ url: `${window.location.origin}${created.path}`, giver: created.request.giverName });
      setQuestion('');
      setMoment('');
      setGiverName('');
      setGiverEmail('');
      await queryClient.invalidateQueries({ queryKey: growthKeys.feedbackRequests });
    },
  });

  if (goals.data && eqGoals.length === 0) {
    return (
      <Card withBorder padding="lg">
        <Title order={2} size="h4">
          <Trans>Mirror feedback needs an EQ goal</Trans>
        </Title>
        <Text mt="xs">
          <Trans>
            Outside views help most with how you come across: communication, leadership, influence. Set an EQ
            or inner-work goal first, then ask someone who saw you in action.
          </Trans>
        </Text>
      </Card>
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="new-request">
      <Title order={2} size="h4" id="new-request">
        <Trans>Ask for one outside view</Trans>
      </Title>
      <Text size="sm" mt={4}>
        <Trans>One person, one real moment they saw, one question about how you came across.</Trans>
      </Text>
      {link && (
        <Alert color="teal" title={t`Link for ${link.giver}`} mt="md" role="status">
          <Stack gap="xs">
            <Text size="sm">
              <Trans>
                Send this link yourself. It works once, and this is the only time Corner shows it.
              </Trans>
            </Text>
            <TextInput
              label={t`Feedback link`}
              value={link.url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={link.url}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy} w="fit-content">
                  {copied ? t`Copied` : t`Copy link`}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack mt="md">
          <Select
            label={t`For which goal`}
            data={eqGoals.map((goal) => ({ value: goal.id, label: goal.title }))}
            value={chosenGoal}
            onChange={setGoalId}
            allowDeselect={false}
          />
          <TextInput
            label={t`Who you are asking`}
            required
            value={giverName}
            onChange={(e) => setGiverName(e.currentTarget.value)}
          />
          <TextInput
            label={t`Their email (optional)`}
            description={t`If you give it, Corner emails them the link; otherwise you send it yourself.`}
            type="email"
            value={giverEmail}
            onChange={(e) => setGiverEmail(e.currentTarget.value)}
          />
          <TextInput
            label={t`The moment (optional)`}
            description={t`e.g. Thursday’s roadmap review`}
            value={moment}
            onChange={(e) => setMoment(e.currentTarget.value)}
          />
          <Textarea
            label={t`Your question`}
            required
            autosize
            minRows={2}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
          />
          {check && <FeedbackCheckPanel check={check} />}
          <Checkbox
            label={t`Also ask for a rating from 1 to 5 (lets a before/after 360 show change)`}
            checked={scale}
            onChange={(e) => setScale(e.currentTarget.checked)}
          />
          <ShareWithGuide
            choices={guides.choices}
            value={sharedWith}
            onChange={setSharedWith}
            variant="new"
          />
          <ProblemAlert error={create.error} />
          <Button type="submit" loading={create.isPending} w="fit-content">
            <Trans>Create the link</Trans>
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
