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
      name: (value) => (value.trim().length < 2 ? 'Tell us what to call you' : null),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value) ? null : 'Enter an email address like you@example.com'),
      password: (value) => (value.length < 8 ? 'Use at least 8 characters' : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const result = await authClient.signUp.email({ ...values, timeZone: browserTimeZone() });
    if (result.error) setError(result.error.message ?? 'Could not create the account.');
    else window.location.assign('/');
  });

  return (
    <Container size={480} py="xl" component="main">
      <Stack>
        <Title order={1}>Welcome to Corner</Title>
        <Text>
          Corner helps you grow with someone in your corner: work out what kind of help you need, set a
          concrete goal for the next few months, and track how it is going.
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>A short readiness check: mentor, coach, peers, or self-coaching?</List.Item>
          <List.Item>Goals that prove mastery, with a checker that helps you sharpen them</List.Item>
          <List.Item>Your own signs of progress, rated over time</List.Item>
        </List>
        <Paper withBorder p="lg" component="form" onSubmit={submit} aria-labelledby="sign-up-title">
          <Stack>
            <Title order={2} size="h3" id="sign-up-title">
              Create your account
            </Title>
            {error && <ProblemAlert error={new Error(error)} title="Could not sign up" />}
            <TextInput label="Your name" autoComplete="name" {...form.getInputProps('name')} />
            <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps('email')} />
            <PasswordInput
              label="Password"
              description="At least 8 characters"
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              Create account
            </Button>
            <Text size="sm">
              Already have an account?{' '}
              <Anchor component={Link} to="/sign-in">
                Sign in
              </Anchor>
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
