import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Button,
  Container,
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
import { authClient } from '../api/auth-client';
import { ProblemAlert } from '../components/problem-alert';

export function SignInPage() {
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const result = await authClient.signIn.email(values);
    if (result.error) setError(result.error.message ?? t`Could not sign in.`);
    else window.location.assign('/');
  });
  return (
    <Container size={420} py="xl" component="main">
      <Paper withBorder p="lg" component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h2">
            <Trans>Sign in to Corner</Trans>
          </Title>
          {error && <ProblemAlert error={new Error(error)} title={t`Could not sign in`} />}
          <TextInput
            label={t`Email`}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t`Password`}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            <Trans>Sign in</Trans>
          </Button>
          <Text size="sm">
            <Trans>
              New here?{' '}
              <Anchor component={Link} to="/">
                Create an account
              </Anchor>
            </Trans>
          </Text>
        </Stack>
      </Paper>
    </Container>
  );
}
