import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Button,
  Card,
  Container,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { authClient, browserTimeZone } from '../api/auth-client';
import { api, unwrap } from '../api/client';
import { useInvitation } from '../api/relationship-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

// The invitation link works before the person has an account: they read what it is about, create an
// account (or sign in) on the same page, and then accept or decline.
export function InvitationPage({ signedIn }: { signedIn: boolean }) {
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const body = (
    <Stack>
      <Title order={1}>
        <Trans>Your invitation</Trans>
      </Title>
      {invitation.isPending && <CenteredLoader label={t`Loading the invitation`} />}
      <ProblemAlert error={invitation.error} title={t`This invitation link does not work`} />
      {invitation.data && (
        <Card withBorder>
          <Text>
            <Trans>
              <strong>{invitation.data.inviterName}</strong> invites you to be the{' '}
              <strong>{invitation.data.inviteeRole}</strong> in a {invitation.data.kind} relationship (
              {invitation.data.framing}).
            </Trans>
          </Text>
          {invitation.data.message && (
            <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              “{invitation.data.message}”
            </Text>
          )}
          {!invitation.data.anyoneWithLink && (
            <Text mt="sm" size="sm">
              <Trans>
                This invitation is for the address it was sent to: sign in or create your account with that
                address to answer it.
              </Trans>
            </Text>
          )}
          {invitation.data.status !== 'invited' && (
            <Text mt="sm" fw={600}>
              <Trans>This invitation was already answered ({invitation.data.status}).</Trans>
            </Text>
          )}
        </Card>
      )}
      {invitation.data?.status === 'invited' && (signedIn ? <Answer token={token} /> : <AccountForm />)}
    </Stack>
  );
  return signedIn ? (
    <Stack maw={640}>{body}</Stack>
  ) : (
    <Container size={560} py="xl" component="main">
      {body}
    </Container>
  );
}

function Answer({ token }: { token: string }) {
  const navigate = useNavigate();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const accept = useMutation({
    mutationFn: () => unwrap(api.invitations[':token'].accept.$post({ param: { token } })),
    onSuccess: (rel) => navigate(`/relationships/${rel.id}`),
  });
  const decline = useMutation({
    mutationFn: () => unwrap(api.invitations[':token'].decline.$post({ param: { token }, json: { reason } })),
    onSuccess: () => navigate('/relationships'),
  });
  return (
    <Stack>
      <Group>
        <Button onClick={() => accept.mutate()} loading={accept.isPending}>
          <Trans>Accept invitation</Trans>
        </Button>
        <Button variant="light" color="gray" onClick={() => setDeclining(true)}>
          <Trans>Decline</Trans>
        </Button>
      </Group>
      <ProblemAlert error={accept.error ?? decline.error} />
      {declining && (
        <Stack>
          <Textarea
            label={t`Why are you declining?`}
            description={t`A sentence helps the other person understand.`}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Button color="red" variant="light" onClick={() => decline.mutate()} loading={decline.isPending}>
            <Trans>Decline with this reason</Trans>
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

function AccountForm() {
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const result =
      mode === 'sign-up'
        ? await authClient.signUp.email({ name, email, password, timeZone: browserTimeZone() })
        : await authClient.signIn.email({ email, password });
    if (result.error) setError(result.error.message ?? t`That did not work.`);
    else window.location.reload();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby="account-title">
      <Stack>
        <Title order={2} size="h3" id="account-title">
          {mode === 'sign-up' ? t`Create an account to answer` : t`Sign in to answer`}
        </Title>
        <SegmentedControl
          aria-label={t`Do you have an account?`}
          value={mode}
          onChange={(value) => setMode(value === 'sign-in' ? 'sign-in' : 'sign-up')}
          data={[
            { value: 'sign-up', label: t`I am new here` },
            { value: 'sign-in', label: t`I have an account` },
          ]}
        />
        {error && <ProblemAlert error={new Error(error)} />}
        {mode === 'sign-up' && (
          <TextInput
            label={t`Your name`}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
        )}
        <TextInput
          label={t`Email`}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordInput
          label={t`Password`}
          description={mode === 'sign-up' ? t`At least 8 characters` : undefined}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit">{mode === 'sign-up' ? t`Create account` : t`Sign in`}</Button>
      </Stack>
    </Card>
  );
}
