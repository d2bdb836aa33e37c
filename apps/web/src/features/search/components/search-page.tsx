import type { AgreementHit, TaskHit } from '@accord/domain';
import { Alert, Anchor, Badge, Box, Button, Group, LoadingOverlay, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { AgreementStatusBadge, TaskStatusBadge } from '../../../components/ui/status-badge';
import { isApiError } from '../../../lib/api-error';
import { formatDate } from '../../../lib/dates';
import { fieldErrorsFromApi } from '../../../lib/field-errors';
import { organisationName } from '../../../lib/organisations/organisation-names';
import { DEFAULT_LIMIT, MAX_LIMIT, MIN_QUERY_LENGTH, useSearchResults } from '../api/get-search-results';

function positiveLimit(value: string | null): number {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_LIMIT) : DEFAULT_LIMIT;
}

/** One group of results: its name and total (counted up to a bound), its hits, and a way to see more. */
function ResultGroup({
  title,
  total,
  totalCapped,
  shown,
  testId,
  more,
  children,
}: {
  title: string;
  total: number;
  totalCapped: boolean;
  shown: number;
  testId: string;
  more?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation('search');
  const count = total.toLocaleString(i18n.language);
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Title order={3} size="h4">
            {title}
          </Title>
          <Badge variant="light" color="gray" data-testid={`${testId}-total`}>
            {totalCapped ? t('search.totalAtLeast', { total: count }) : count}
          </Badge>
        </Group>
        {(totalCapped || total > shown) && (
          <Text size="sm" c="dimmed">
            {t(totalCapped ? 'search.shownAtLeast' : 'search.shown', { shown, total: count })}
          </Text>
        )}
      </Group>
      {children}
      {more}
    </Paper>
  );
}

function AgreementHitRow({ hit }: { hit: AgreementHit }) {
  const { t } = useTranslation('search');
  return (
    <Stack gap={4} py="xs" data-testid="search-agreement-hit">
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Anchor component={Link} to={`/agreements/${hit.id}`} fw={600} data-testid="search-agreement-link">
          {hit.title}
        </Anchor>
        <Box style={{ flexShrink: 0 }}>
          <AgreementStatusBadge status={hit.status} size="sm" />
        </Box>
      </Group>
      <Text size="sm" c="dimmed">
        {[hit.partyNames.join('; '), hit.signedOn ? t('search.signedOn', { date: formatDate(hit.signedOn) }) : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

function TaskHitRow({ hit }: { hit: TaskHit }) {
  const { t, i18n } = useTranslation('search');
  const unit = hit.leadUnit ? organisationName({ nameVi: hit.leadUnit.name, nameEn: hit.leadUnit.nameEn }, i18n.language) : null;
  return (
    <Stack gap={4} py="xs" data-testid="search-task-hit">
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Group gap="xs" wrap="nowrap" align="baseline">
          {hit.code && (
            <Text size="sm" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
              {hit.code}
            </Text>
          )}
          <Anchor component={Link} to={`/agreements/${hit.agreementId}?task=${hit.id}`} fw={600} data-testid="search-task-link">
            {hit.title}
          </Anchor>
        </Group>
        <TaskStatusBadge status={hit.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {[hit.agreementTitle, unit, hit.dueDate ? t('search.dueOn', { date: formatDate(hit.dueDate) }) : null].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

/** Agreements and tasks the user can read that match the words, diacritics or not ("ca mau" finds "Cà Mau"). */
export function SearchPage() {
  const { t } = useTranslation('search');
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const limit = positiveLimit(params.get('limit'));
  const [text, setText] = useState(q);
  const results = useSearchResults(q, limit);
  const tooShort = q.length > 0 && q.length < MIN_QUERY_LENGTH;
  // "--" is long enough but has no word: the server says which rule the words broke.
  const invalid = results.isError && isApiError(results.error) && results.error.code === 'VALIDATION_FAILED';
  const inputError = invalid ? (fieldErrorsFromApi(results.error, t).q ?? t('errors.VALIDATION_FAILED')) : undefined;

  useEffect(() => setText(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {});
  };
  const showMore = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('limit', String(MAX_LIMIT));
        return next;
      },
      { replace: true },
    );

  const data = q.length >= MIN_QUERY_LENGTH && !results.isError ? results.data : undefined;
  const moreButton = (total: number, shown: number) =>
    total > shown && limit < MAX_LIMIT ? (
      <Button variant="subtle" size="xs" mt="xs" onClick={showMore} data-testid="search-show-more">
        {t('search.showMore')}
      </Button>
    ) : null;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{q ? t('search.resultsFor', { q }) : t('search.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('search.subtitle')}
        </Text>
      </div>

      <form role="search" onSubmit={submit}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <TextInput
            flex={1}
            leftSection={<IconSearch size={16} />}
            placeholder={t('search.placeholder')}
            aria-label={t('search.label')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autoFocus={!q}
            enterKeyHint="search"
            error={inputError}
            data-testid="search-input"
          />
          <Button type="submit" data-testid="search-submit">
            {t('search.submit')}
          </Button>
        </Group>
      </form>

      {tooShort && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="search-too-short">
          {t('search.tooShort', { n: MIN_QUERY_LENGTH })}
        </Alert>
      )}

      {results.isError && !invalid && q.length >= MIN_QUERY_LENGTH && (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      )}

      {q.length >= MIN_QUERY_LENGTH && results.isPending && <PageLoader />}

      {data && (
        <Stack gap="md" pos="relative">
          <LoadingOverlay visible={results.isFetching} zIndex={5} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
          <ResultGroup
            title={t('search.agreements')}
            total={data.agreements.total}
            totalCapped={data.agreements.totalCapped}
            shown={data.agreements.items.length}
            testId="search-agreements"
            more={
              data.agreements.total > data.agreements.items.length ? (
                <Anchor
                  component={Link}
                  to={`/agreements?q=${encodeURIComponent(q)}`}
                  size="sm"
                  mt="xs"
                  display="inline-block"
                  data-testid="search-agreements-all"
                >
                  {t('search.allAgreements')}
                </Anchor>
              ) : null
            }
          >
            {data.agreements.items.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="search-agreements-empty">
                {t('search.noAgreements')}
              </Text>
            ) : (
              <Stack gap={0} className="accord-divided">
                {data.agreements.items.map((hit) => (
                  <AgreementHitRow key={hit.id} hit={hit} />
                ))}
              </Stack>
            )}
          </ResultGroup>

          <ResultGroup
            title={t('search.tasks')}
            total={data.tasks.total}
            totalCapped={data.tasks.totalCapped}
            shown={data.tasks.items.length}
            testId="search-tasks"
            more={moreButton(data.tasks.total, data.tasks.items.length)}
          >
            {data.tasks.items.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="search-tasks-empty">
                {t('search.noTasks')}
              </Text>
            ) : (
              <Stack gap={0} className="accord-divided">
                {data.tasks.items.map((hit) => (
                  <TaskHitRow key={hit.id} hit={hit} />
                ))}
              </Stack>
            )}
          </ResultGroup>
        </Stack>
      )}
    </Stack>
  );
}
