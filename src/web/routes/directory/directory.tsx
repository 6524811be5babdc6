import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { languageName } from '../../availability-in-zone';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';
import { activeFilterNames, emptyResults, resultSummary } from './directory-wording';

type Filters = Record<string, string>;

const kindOptions = () => [
  { value: '', label: t`As my readiness check suggests` },
  { value: 'any', label: t`Any kind` },
  { value: 'mentor', label: t`Mentors` },
  { value: 'coach', label: t`Coaches` },
];

// Languages guides most often list; the filter shows them by name in the reader's language.
const languageCodes = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'pl',
  'sv',
  'da',
  'tr',
  'ja',
  'zh',
  'hi',
  'ar',
  'uk',
];
const languageOptions = () => [
  { value: '', label: t`Any language` },
  ...languageCodes.map((code) => ({ value: code, label: languageName(code) })),
];

export function priceText(guide: {
  volunteer: boolean;
  priceMin: number | null;
  priceMax: number | null;
  currency: string | null;
}) {
  if (guide.volunteer) return t`Volunteer (free)`;
  const range =
    guide.priceMax && guide.priceMax !== guide.priceMin
      ? `${guide.priceMin}–${guide.priceMax}`
      : `${guide.priceMin}`;
  return `${range} ${guide.currency ?? ''} a session`;
}

const sortedSearch = (params: URLSearchParams) => {
  const sorted = new URLSearchParams(params);
  sorted.sort();
  return sorted.toString();
};

export function DirectoryPage() {
  // The filters live in the address, so a search can be shared, reloaded and walked with back/forward.
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries([...params.entries()].filter(([name]) => name !== 'page'));
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState<Filters>(filters);
  const paramsKey = params.toString();
  useEffect(() => setDraft(Object.fromEntries([...new URLSearchParams(paramsKey).entries()])), [paramsKey]);
  const queryClient = useQueryClient();
  const query = Object.fromEntries(
    Object.entries({ ...filters, page: String(page) }).filter(([, v]) => v !== ''),
  );
  const goTo = (next: Filters, nextPage: number) => {
    const nextParams = new URLSearchParams(
      Object.entries({ ...next, page: nextPage > 1 ? String(nextPage) : '' }).filter(([, v]) => v !== ''),
    );
    // The same search again is no new step: Back should undo a search, not repeat the one on screen.
    setParams(nextParams, {
      replace: sortedSearch(nextParams) === sortedSearch(new URLSearchParams(paramsKey)),
    });
  };
  const setPage = (nextPage: number) => goTo(filters, nextPage);
  const results = useQuery({
    queryKey: ['directory', query],
    queryFn: () => unwrap(api.directory.$get({ query })),
  });
  const shortlist = useQuery({ queryKey: ['shortlist'], queryFn: () => unwrap(api.shortlist.$get()) });
  const add = useMutation({
    mutationFn: (guideId: string) => unwrap(api.shortlist.$post({ json: { guideId } })),
    onSuccess: (data) => queryClient.setQueryData(['shortlist'], data),
  });
  const onList = new Set(shortlist.data?.entries.map((entry) => entry.guide.userId));
  const set = (name: string) => (value: string | null) =>
    setDraft((current) => ({ ...current, [name]: value ?? '' }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { page: _ignored, ...chosen } = draft;
    goTo(chosen, 1);
  };
  return (
    <Stack maw={1000}>
      <Title order={1}>
        <Trans>Find a guide</Trans>
      </Title>
      <Card withBorder component="form" onSubmit={submit} aria-label={t`Search filters`}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <TextInput
            label={t`Search`}
            placeholder={t`pricing, leadership, marketplaces…`}
            value={draft.q ?? ''}
            onChange={(e) => set('q')(e.currentTarget.value)}
          />
          <Select
            label={t`Kind of guide`}
            data={kindOptions()}
            value={draft.kind ?? ''}
            onChange={set('kind')}
            allowDeselect={false}
          />
          <TextInput
            label={t`Expertise (comma separated)`}
            value={draft.expertise ?? ''}
            onChange={(e) => set('expertise')(e.currentTarget.value)}
          />
          <Select
            label={t`Language`}
            data={
              draft.language && !languageCodes.includes(draft.language)
                ? [...languageOptions(), { value: draft.language, label: languageName(draft.language) }]
                : languageOptions()
            }
            searchable
            value={draft.language ?? ''}
            onChange={set('language')}
            allowDeselect={false}
          />
          <Select
            label={t`Format`}
            data={[
              { value: '', label: t`Any format` },
              { value: 'video', label: t`Video` },
              { value: 'phone', label: t`Phone` },
              { value: 'in-person', label: t`In person` },
            ]}
            value={draft.format ?? ''}
            onChange={set('format')}
            allowDeselect={false}
          />
          <Select
            label={t`Style`}
            data={[
              { value: '', label: t`Any style` },
              { value: 'supportive', label: t`Supportive` },
              { value: 'challenging', label: t`Challenging` },
              { value: 'blend', label: 'A blend' },
            ]}
            value={draft.style ?? ''}
            onChange={set('style')}
            allowDeselect={false}
          />
          <Select
            label={t`Structure`}
            data={[
              { value: '', label: t`Any structure` },
              { value: 'structured', label: t`Structured programme` },
              { value: 'client-led', label: t`Led by what I bring` },
              { value: 'blend', label: 'A blend' },
            ]}
            value={draft.structure ?? ''}
            onChange={set('structure')}
            allowDeselect={false}
          />
          <NumberInput
            label={t`Highest price per session`}
            min={0}
            value={draft.priceMax ?? ''}
            onChange={(value) => set('priceMax')(String(value))}
          />
          <Stack gap="xs" justify="flex-end">
            <Checkbox
              label={t`Only guides free during my working day`}
              checked={draft.overlapOnly === 'true'}
              onChange={(e) => set('overlapOnly')(e.currentTarget.checked ? 'true' : '')}
            />
            <Checkbox
              label={t`Include guides from my own organization`}
              checked={draft.includeOwnOrganization === 'true'}
              onChange={(e) => set('includeOwnOrganization')(e.currentTarget.checked ? 'true' : '')}
            />
          </Stack>
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">
            <Trans>Search</Trans>
          </Button>
          <Anchor component={Link} to="/shortlist">
            <Trans>My shortlist (</Trans>
            {shortlist.data?.entries.length ?? 0} <Trans>of</Trans> {shortlist.data?.maxSize ?? 5})
          </Anchor>
        </Group>
      </Card>
      <OrganizationSetting onSaved={() => queryClient.invalidateQueries({ queryKey: ['directory'] })} />
      <ProblemAlert error={results.error ?? add.error} />
      {results.isPending && <CenteredLoader label={t`Searching guides`} />}
      {results.data && (
        <>
          <Text size="sm" role="status">
            {resultSummary(results.data.total, results.data.totalCapped, results.data.kindFilter)}
            {results.data.ownOrganizationExcluded && t` · guides from your organization are hidden`}
          </Text>
          {results.data.results.length === 0 && (
            <EmptyResults active={activeFilterNames(filters)} kindFilter={results.data.kindFilter} />
          )}
          {results.data.results.map(({ guide, fit }) => (
            <Card
              key={guide.userId}
              withBorder
              padding="md"
              component="article"
              aria-labelledby={`guide-${guide.userId}`}
            >
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={2} size="h4" id={`guide-${guide.userId}`}>
                    <Anchor component={Link} to={`/guides/${guide.userId}`}>
                      {guide.name}
                    </Anchor>
                  </Title>
                  <Text size="sm">{guide.headline}</Text>
                </div>
                <Group gap="xs">
                  <Badge variant="light">{guide.kind === 'both' ? t`Mentor and coach` : guide.kind}</Badge>
                  <Badge variant="light" color="indigo">
                    <Trans>Fit {Math.round(fit.score * 100)}%</Trans>
                  </Badge>
                </Group>
              </Group>
              <Text size="sm" mt="xs">
                {guide.expertise.join(', ')} · {guide.languages.map((code) => languageName(code)).join(', ')}{' '}
                · {guide.formats.join(', ')} · {priceText(guide)} ·{' '}
                {plural(guide.capacityLeft, { one: '# place left', other: '# places left' })}
                {guide.reliability.medianReplyHours !== null &&
                  t` · usually replies within ${Math.ceil(guide.reliability.medianReplyHours)} h`}
              </Text>
              <Title order={3} size="h6" mt="sm">
                <Trans>Why this guide</Trans>
              </Title>
              <List size="sm" spacing={2}>
                {fit.why.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
              <Group mt="sm">
                <Button
                  size="xs"
                  variant="light"
                  disabled={onList.has(guide.userId) || add.isPending}
                  onClick={() => add.mutate(guide.userId)}
                >
                  {onList.has(guide.userId) ? t`On your shortlist` : t`Add to shortlist`}
                  <VisuallyHidden>: {guide.name}</VisuallyHidden>
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  component={Link}
                  to={`/guides/${guide.userId}?intro=times#ask-intro`}
                >
                  <Trans>See intro times</Trans>
                  <VisuallyHidden>: {guide.name}</VisuallyHidden>
                </Button>
              </Group>
            </Card>
          ))}
          <Group>
            <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              <Trans>Previous page</Trans>
            </Button>
            <Text size="sm">
              <Trans>Page {page}</Trans>
            </Text>
            <Button
              variant="default"
              disabled={page * results.data.limit >= results.data.total}
              onClick={() => setPage(page + 1)}
            >
              <Trans>Next page</Trans>
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function EmptyResults({
  active,
  kindFilter,
}: {
  active: string[];
  kindFilter: Parameters<typeof emptyResults>[1];
}) {
  const { title, detail } = emptyResults(active, kindFilter);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text mt="xs">{detail}</Text>
    </Card>
  );
}

// Where the member works: guides from the same organization are hidden unless they opt in.
function OrganizationSetting({ onSaved }: { onSaved: () => void }) {
  const current = useQuery({ queryKey: ['organization'], queryFn: () => unwrap(api.me.organization.$get()) });
  const [value, setValue] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => unwrap(api.me.organization.$put({ json: { organization: value ?? '' } })),
    onSuccess: onSaved,
  });
  const shown = value ?? current.data?.organization ?? '';
  return (
    <Group
      align="flex-end"
      component="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <TextInput
        label={t`Where I work (guides from there stay hidden)`}
        value={shown}
        onChange={(e) => setValue(e.currentTarget.value)}
      />
      <Button type="submit" variant="default" loading={save.isPending}>
        <Trans>Save</Trans>
      </Button>
      {save.isSuccess && (
        <Text size="sm" role="status">
          <Trans>Saved.</Trans>
        </Text>
      )}
      <ProblemAlert error={save.error} />
    </Group>
  );
}
