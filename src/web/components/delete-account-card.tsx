import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from './problem-alert';

const CONFIRMATION = 'delete my account';

// Deleting erases the person's private content; shared records stay for the other person, who then
// sees "former member". The server checks the typed words and the password again.
export function DeleteAccountCard() {
  const [confirmation, setConfirmation] = useState('');
  const [password, setPassword] = useState('');
  const remove = useMutation({
    mutationFn: () => unwrap(api.me.delete.$post({ json: { confirmation, password } })),
    onSuccess: () => window.location.assign('/'),
  });
  const confirmed = confirmation.trim().toLowerCase() === CONFIRMATION && password.length > 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="delete-account">
      <Title order={2} size="h4" id="delete-account">
        <Trans>Delete your account</Trans>
      </Title>
      <Stack gap="sm" mt={4}>
        <Text size="sm">
          <Trans>
            This erases your private notes, journal, outreach list, scorecards, shortlist and the feedback you
            collected. Relationships and sessions you shared stay for the other person, who will see you as
            “former member”. Program totals keep counting you. This cannot be undone.
          </Trans>
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate();
          }}
        >
          <Stack gap="sm" maw={420}>
            <TextInput
              label={t`Type “${CONFIRMATION}” to confirm`}
              value={confirmation}
              onChange={(event) => setConfirmation(event.currentTarget.value)}
              autoComplete="off"
            />
            <PasswordInput
              label={t`Your password`}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              autoComplete="current-password"
            />
            <ProblemAlert error={remove.error} title={t`Your account was not deleted`} />
            <Button type="submit" color="red" disabled={!confirmed} loading={remove.isPending}>
              <Trans>Delete my account</Trans>
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
