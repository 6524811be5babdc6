import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { AvailabilityWindow } from '../../../domain/sessions/availability';
import { api, unwrap } from '../../api/client';
import { AvailabilityEditor } from '../../components/availability-editor';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';

type Form = {
  headline: string;
  bio: string;
  kind: 'mentor' | 'coach' | 'both';
  expertise: string;
  approach: 'person' | 'craft' | 'blend';
  structure: 'structured' | 'client-led' | 'blend';
  style: 'supportive' | 'challenging' | 'blend';
  credentials: string;
  background: string;
  worksWith: string;
  formats: string[];
  city: string;
  languages: string;
  timeZone: string;
  availability: AvailabilityWindow[];
  capacity: number;
  volunteer: boolean;
  priceMin: number | '';
  priceMax: number | '';
  currency: string;
  organization: string;
};

const empty: Form = {
  headline: '',
  bio: '',
  kind: 'mentor',
  expertise: '',
  approach: 'blend',
  structure: 'blend',
  style: 'blend',
  credentials: '',
  background: '',
  worksWith: '',
  formats: ['video'],
  city: '',
  languages: 'en',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  availability: [],
  capacity: 2,
  volunteer: true,
  priceMin: '',
  priceMax: '',
  currency: '',
  organization: '',
};
const list = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function MyGuideProfilePage() {
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['my-guide-profile'],
    queryFn: async () => (await unwrap(api.me['guide-profile'].$get())).profile,
    retry: false,
  });
  const [form, setForm] = useState<Form>(empty);
  useEffect(() => {
    const p = current.data;
    if (!p) return;
    setForm({
      ...p,
      expertise: p.expertise.join(', '),
      credentials: p.credentials.join(', '),
      languages: p.languages.join(', '),
      city: p.city ?? '',
      availability: p.availability as AvailabilityWindow[],
      priceMin: p.priceMin ?? '',
      priceMax: p.priceMax ?? '',
      currency: p.currency ?? '',
      organization: p.organization ?? '',
    });
  }, [current.data]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.me['guide-profile'].$put({
          json: {
            ...form,
            expertise: list(form.expertise),
            credentials: list(form.credentials),
            languages: list(form.languages),
            formats: form.formats as ('video' | 'phone' | 'in-person')[],
            city: form.city || null,
            priceMin: form.priceMin === '' ? null : form.priceMin,
            priceMax: form.priceMax === '' ? null : form.priceMax,
            currency: form.currency || null,
            organization: form.organization || null,
          },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(['my-guide-profile'], data),
  });
  const resume = useMutation({
    mutationFn: () => unwrap(api.me['guide-profile'].resume.$post()),
    onSuccess: (data) => queryClient.setQueryData(['my-guide-profile'], data),
  });
  if (current.isPending) return <CenteredLoader label={t`Loading your guide profile`} />;
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Stack maw={860} component="form" onSubmit={submit}>
      <Title order={1}>
        <Trans>My guide profile</Trans>
      </Title>
      {!current.data && (
        <Text>
          <Trans>Publish a profile so members can find you in the directory.</Trans>
        </Text>
      )}
      {current.data?.status === 'paused' && (
        <Alert color="yellow" title={t`Your profile is paused`}>
          <Trans>{current.data.pausedReason} Members cannot find you until you resume.</Trans>
          <Group mt="sm">
            <Button size="xs" onClick={() => resume.mutate()}>
              <Trans>Resume my profile</Trans>
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t`Headline`}
          value={form.headline}
          onChange={(e) => set('headline')(e.currentTarget.value)}
        />
        <Select
          label={t`I offer`}
          data={[
            { value: 'mentor', label: t`Mentoring` },
            { value: 'coach', label: t`Coaching` },
            { value: 'both', label: t`Both` },
          ]}
          value={form.kind}
          onChange={(v) => set('kind')((v ?? 'mentor') as Form['kind'])}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Textarea
        label={t`About me`}
        minRows={3}
        value={form.bio}
        onChange={(e) => set('bio')(e.currentTarget.value)}
      />
      <TextInput
        label={t`Expertise (comma separated)`}
        value={form.expertise}
        onChange={(e) => set('expertise')(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t`Focus`}
          data={[
            { value: 'person', label: t`The person` },
            { value: 'craft', label: t`The craft` },
            { value: 'blend', label: 'A blend' },
          ]}
          value={form.approach}
          onChange={(v) => set('approach')((v ?? 'blend') as Form['approach'])}
          allowDeselect={false}
        />
        <Select
          label={t`Structure`}
          data={[
            { value: 'structured', label: t`Structured programme` },
            { value: 'client-led', label: t`Led by what they bring` },
            { value: 'blend', label: 'A blend' },
          ]}
          value={form.structure}
          onChange={(v) => set('structure')((v ?? 'blend') as Form['structure'])}
          allowDeselect={false}
        />
        <Select
          label={t`Style`}
          data={[
            { value: 'supportive', label: t`Supportive` },
            { value: 'challenging', label: t`Challenging` },
            { value: 'blend', label: 'A blend' },
          ]}
          value={form.style}
          onChange={(v) => set('style')((v ?? 'blend') as Form['style'])}
          allowDeselect={false}
        />
      </SimpleGrid>
      <TextInput
        label={t`Credentials (comma separated, e.g. ICF PCC)`}
        value={form.credentials}
        onChange={(e) => set('credentials')(e.currentTarget.value)}
      />
      <Textarea
        label={t`Background`}
        value={form.background}
        onChange={(e) => set('background')(e.currentTarget.value)}
      />
      <TextInput
        label={t`Who I usually work with`}
        value={form.worksWith}
        onChange={(e) => set('worksWith')(e.currentTarget.value)}
      />
      <Checkbox.Group label={t`Formats`} value={form.formats} onChange={set('formats')}>
        <Group mt={4}>
          <Checkbox value="video" label={t`Video`} />
          <Checkbox value="phone" label={t`Phone`} />
          <Checkbox value="in-person" label={t`In person`} />
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t`City (for in person)`}
          value={form.city}
          onChange={(e) => set('city')(e.currentTarget.value)}
        />
        <TextInput
          label={t`Languages (codes, comma separated)`}
          value={form.languages}
          onChange={(e) => set('languages')(e.currentTarget.value)}
        />
        <TextInput
          label={t`Time zone`}
          value={form.timeZone}
          onChange={(e) => set('timeZone')(e.currentTarget.value)}
        />
      </SimpleGrid>
      <AvailabilityEditor windows={form.availability} onChange={set('availability')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={t`How many people at once`}
          min={0}
          max={50}
          value={form.capacity}
          onChange={(v) => set('capacity')(Number(v) || 0)}
        />
        <TextInput
          label={t`My organization (hidden from members)`}
          value={form.organization}
          onChange={(e) => set('organization')(e.currentTarget.value)}
        />
        <Switch
          label={t`Volunteer (free)`}
          checked={form.volunteer}
          onChange={(e) => set('volunteer')(e.currentTarget.checked)}
          mt="lg"
        />
      </SimpleGrid>
      {!form.volunteer && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t`Price from`}
            min={0}
            value={form.priceMin}
            onChange={(v) => set('priceMin')(v === '' ? '' : Number(v))}
          />
          <NumberInput
            label={t`Price up to`}
            min={0}
            value={form.priceMax}
            onChange={(v) => set('priceMax')(v === '' ? '' : Number(v))}
          />
          <TextInput
            label={t`Currency`}
            placeholder={t`EUR`}
            value={form.currency}
            onChange={(e) => set('currency')(e.currentTarget.value)}
          />
        </SimpleGrid>
      )}
      <ProblemAlert error={save.error ?? resume.error} />
      {save.isSuccess && (
        <Alert color="teal" role="status">
          <Trans>Profile saved.</Trans>
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={save.isPending}>
          <Trans>Save profile</Trans>
        </Button>
      </Group>
    </Stack>
  );
}
