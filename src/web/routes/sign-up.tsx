import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Button,
  Container,
  List,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { authClient, browserTimeZone } from '../api/auth-client';
import { ProblemAlert } from '../components/problem-alert';

export function SignUpPage() {
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (value) => (value.trim().length < 2 ? t`Tell us what to call you` : null),
      email: (value) =>
        /^\S+@\S+\.\S+$/.test(value) ? null : t`Enter an email address like you@example.com`,
      password: (value) => (value.length < 8 ? t`Use at least 8 characters` : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const result = await authClient.signUp.email({ ...values, timeZone: browserTimeZone() });
    if (result.error) setError(result.error.message ?? t`Could not create the account.`);
    else window.location.assign('/');
  });

  return (
    <Container size={480} py="xl" component="main">
      <Stack>
        <Title order={1}>
          <Trans>Welcome to Corner</Trans>
        </Title>
        <Text>
          <Trans>
            Corner helps you grow with someone in your corner: work out what kind of help you need, set a
            concrete goal for the next few months, and track how it is going.
          </Trans>
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            <Trans>A short readiness check: mentor, coach, peers, or self-coaching?</Trans>
          </List.Item>
          <List.Item>
            <Trans>Goals that prove mastery, with a checker that helps you sharpen them</Trans>
          </List.Item>
          <List.Item>
            <Trans>Your own signs of progress, rated over time</Trans>
          </List.Item>
        </List>
        <Paper withBorder p="lg" component="form" onSubmit={submit} aria-labelledby="sign-up-title">
          <Stack>
            <Title order={2} size="h3" id="sign-up-title">
              <Trans>Create your account</Trans>
            </Title>
            {error && <ProblemAlert error={new Error(error)} title={t`Could not sign up`} />}
            <TextInput label={t`Your name`} autoComplete="name" {...form.getInputProps('name')} />
            <TextInput label={t`Email`} type="email" autoComplete="email" {...form.getInputProps('email')} />
            <PasswordInput
              label={t`Password`}
              description={t`At least 8 characters`}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              <Trans>Create account</Trans>
            </Button>
            <Text size="sm">
              <Trans>
                Already have an account?{' '}
                <Anchor component={Link} to="/sign-in">
                  Sign in
                </Anchor>
              </Trans>
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
