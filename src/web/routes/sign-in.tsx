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
import { Link, useSearchParams } from 'react-router';
import { authClient } from '../api/auth-client';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../components/problem-alert';
import { ssoFailureSentence } from './sso-failure';

// E-mail first: the address decides the way in. An address on a domain whose organization signs its
// people in through an identity provider goes there; any other gets the password field.
export function SignInPage() {
  const [searchParams] = useSearchParams();
  const ssoError = searchParams.get('error');
  const [error, setError] = useState<string | null>(ssoError ? ssoFailureSentence(ssoError) : null);
  const [step, setStep] = useState<'email' | 'password' | 'redirecting'>('email');
  const form = useForm({ initialValues: { email: '', password: '' } });

  const continueWithEmail = async (email: string) => {
    const route = await unwrap(api.sso.route.$post({ json: { email } }));
    if (route.method === 'password' || !route.providerId) {
      setStep('password');
      return;
    }
    setStep('redirecting');
    // On success better-auth's client follows the provider's address itself (its redirect plugin).
    const started = await authClient.signIn.sso({
      email,
      providerId: route.providerId,
      callbackURL: '/',
      errorCallbackURL: '/sign-in',
    });
    if (started.error) {
      setStep('email');
      setError(
        started.error.message ?? t`Could not reach your organization’s sign-in. Try again in a moment.`,
      );
    }
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      if (step === 'email') {
        await continueWithEmail(values.email);
        return;
      }
      const result = await authClient.signIn.email(values);
      if (result.error) setError(result.error.message ?? t`Could not sign in.`);
      else window.location.assign('/');
    } catch (problem) {
      setStep('email');
      setError(problem instanceof Error ? problem.message : t`Could not sign in.`);
    }
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
            readOnly={step !== 'email'}
            {...form.getInputProps('email')}
          />
          {step === 'password' && (
            <PasswordInput
              label={t`Password`}
              autoComplete="current-password"
              required
              autoFocus
              {...form.getInputProps('password')}
            />
          )}
          {step === 'redirecting' ? (
            <Text role="status">
              <Trans>Taking you to your organization’s sign-in…</Trans>
            </Text>
          ) : (
            <Button type="submit" loading={form.submitting}>
              {step === 'email' ? t`Continue` : t`Sign in`}
            </Button>
          )}
          {step === 'password' && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setStep('email');
                form.setFieldValue('password', '');
              }}
            >
              <Trans>Use another address</Trans>
            </Anchor>
          )}
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
