import type { ImportColumn, ImportFix, ImportProblem, PlanImport } from '@accord/domain';
import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Pagination,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-error';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useApplyPlanImport, useCheckPlanImport, useUploadPlanImport } from '../api/plan-import';

interface PlanImportModalProps {
  agreementId: string;
  opened: boolean;
  onClose: () => void;
  /** After rows were imported: the page refreshes what depends on the plan. */
  onImported: () => void;
}

const ROWS_PER_PAGE = 50;
const PROBLEMS_SHOWN = 200;
const unitColumns: readonly ImportColumn[] = ['leadUnit', 'coordinatingUnits'];
const keyOf = (p: { row: number; column: ImportColumn | null }) => `${p.row}:${p.column ?? ''}`;

/**
 * Bringing the plan in from Excel: the workbook is read into a preview first (every row, every
 * problem by row and column), the errors are fixed in place — an unknown unit from the closest
 * matches, a date typed again — and only then is it imported, all rows or none.
 */
export function PlanImportModal({ agreementId, opened, onClose, onImported }: PlanImportModalProps) {
  const { t } = useTranslation('plan');
  const errorMessage = useErrorMessage();
  const upload = useUploadPlanImport(agreementId);
  const check = useCheckPlanImport(agreementId);
  const apply = useApplyPlanImport(agreementId);
  const [preview, setPreview] = useState<PlanImport | null>(null);
  const [fixes, setFixes] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState('{}');
  const [page, setPage] = useState(1);
  const [failure, setFailure] = useState<string | null>(null);

  const fixList = useMemo<ImportFix[]>(
    () =>
      Object.entries(fixes).map(([key, value]) => {
        const [row, column] = key.split(':') as [string, ImportColumn];
        return { row: Number(row), column, value };
      }),
    [fixes],
  );
  const dirty = JSON.stringify(fixes) !== checked;

  const reset = () => {
    setPreview(null);
    setFixes({});
    setChecked('{}');
    setPage(1);
    setFailure(null);
    upload.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const pick = (file: File | null) => {
    if (!file) return;
    reset();
    upload.mutate(file, {
      onSuccess: (p) => setPreview(p),
      onError: (e) => setFailure(errorMessage(e)),
    });
  };
  const recheck = (then?: (p: PlanImport) => void) => {
    if (!preview) return;
    const sent = JSON.stringify(fixes);
    check.mutate(
      { importId: preview.id, fixes: fixList },
      {
        onSuccess: (p) => {
          setPreview(p);
          setChecked(sent);
          setFailure(null);
          then?.(p);
        },
        onError: (e) => setFailure(errorMessage(e)),
      },
    );
  };
  const doImport = () => {
    if (!preview) return;
    apply.mutate(
      { importId: preview.id, version: preview.version, fixes: fixList },
      {
        onSuccess: (p) => {
          notifySuccess(t('import.done', { count: p.counts.toCreate }));
          onImported();
          close();
        },
        onError: (e) => {
          // Errors left: the preview shows them where they are.
          if (isApiError(e) && e.code === 'IMPORT_HAS_PROBLEMS') recheck();
          else setFailure(errorMessage(e));
        },
      },
    );
  };

  const problemText = (p: ImportProblem) =>
    t(`import.problems.${p.code}`, { max: p.max ?? 0, value: p.value ?? '', column: p.column ? t(`import.columns.${p.column}`) : '' });
  const errors = preview?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = preview?.problems.filter((p) => p.severity === 'warning') ?? [];
  const shown = [...errors, ...warnings].slice(0, PROBLEMS_SHOWN);
  const rows = preview?.rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE) ?? [];

  return (
    <Modal opened={opened} onClose={close} title={t('import.title')} size="90%" data-testid="plan-import">
      <Stack gap="sm">
        {!preview && (
          <>
            <Text size="sm">{t('import.intro')}</Text>
            <Text size="sm" c="dimmed">
              {t('import.columnsHint')}
            </Text>
            <Group>
              <FileButton onChange={pick} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
                {(props) => (
                  <Button {...props} leftSection={<IconUpload size={16} />} loading={upload.isPending} data-testid="plan-import-pick">
                    {t('import.pick')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </>
        )}

        {failure && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="plan-import-error">
            {failure}
          </Alert>
        )}

        {preview && (
          <>
            <Group gap="xs" data-testid="plan-import-summary" data-errors={preview.counts.errors} data-create={preview.counts.toCreate}>
              <IconFileSpreadsheet size={18} />
              <Text size="sm" fw={600}>
                {preview.fileName}
              </Text>
              <Text size="sm" c="dimmed">
                {t('import.sheet', { sheet: preview.sheet, row: preview.headerRow })}
              </Text>
              <Badge color="blue" variant="light">
                {t('import.toCreate', { count: preview.counts.toCreate })}
              </Badge>
              {preview.counts.existing > 0 && (
                <Badge color="gray" variant="light">
                  {t('import.existing', { count: preview.counts.existing })}
                </Badge>
              )}
              <Badge color={preview.counts.errors > 0 ? 'red' : 'green'} variant="light" data-testid="plan-import-errors">
                {t('import.errors', { count: preview.counts.errors })}
              </Badge>
              {preview.counts.warnings > 0 && (
                <Badge color="orange" variant="light">
                  {t('import.warnings', { count: preview.counts.warnings })}
                </Badge>
              )}
            </Group>
            {preview.importedBefore && (
              <Alert color="yellow" icon={<IconInfoCircle size={16} />} data-testid="plan-import-before">
                {t('import.importedBefore', { date: formatDateTime(preview.importedBefore.at), name: preview.importedBefore.by })}
              </Alert>
            )}

            {shown.length > 0 && (
              <ScrollArea.Autosize mah={320} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': t('import.problemsLabel') }}>
                <Table striped fz="sm" data-testid="plan-import-problems" stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>{t('import.cell')}</Table.Th>
                      <Table.Th>{t('import.problem')}</Table.Th>
                      <Table.Th w="34%">{t('import.fix')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((p, i) => (
                      <Table.Tr
                        key={`${keyOf(p)}:${p.code}:${i}`}
                        data-testid="plan-import-problem"
                        data-cell={p.cell ?? `${p.row}`}
                        data-code={p.code}
                        data-severity={p.severity}
                      >
                        <Table.Td>
                          <Badge variant="outline" color={p.severity === 'error' ? 'red' : 'orange'} radius="sm">
                            {p.cell ?? t('import.rowN', { row: p.row })}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{problemText(p)}</Text>
                          {p.value && (
                            <Text size="xs" c="dimmed">
                              {t('import.read', { value: p.value })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {p.severity === 'error' && p.column && (
                            <FixInput
                              problem={p}
                              value={fixes[keyOf(p)] ?? ''}
                              onChange={(value) => setFixes((f) => ({ ...f, [keyOf(p)]: value }))}
                              label={t('import.fixLabel', { cell: p.cell ?? p.row })}
                              placeholder={
                                unitColumns.includes(p.column)
                                  ? t('import.unitPlaceholder')
                                  : ['startDate', 'dueDate'].includes(p.column)
                                    ? 'dd/mm/yyyy'
                                    : p.column === 'period'
                                      ? t('import.periodPlaceholder')
                                      : ''
                              }
                            />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {errors.length + warnings.length > shown.length && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('import.moreProblems', { count: errors.length + warnings.length - shown.length })}
                  </Text>
                )}
              </ScrollArea.Autosize>
            )}

            <ScrollArea.Autosize mah={360} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': t('import.rowsLabel') }}>
              <Table fz="sm" data-testid="plan-import-rows" stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('import.columns.number')}</Table.Th>
                    <Table.Th>{t('import.columns.title')}</Table.Th>
                    <Table.Th>{t('import.columns.leadUnit')}</Table.Th>
                    <Table.Th w={190}>{t('import.columns.period')}</Table.Th>
                    <Table.Th>{t('import.columns.product')}</Table.Th>
                    <Table.Th w={90} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.row} data-testid="plan-import-row" data-row={r.row} data-action={r.action}>
                      <Table.Td>{r.number}</Table.Td>
                      <Table.Td fw={r.kind === 'area' ? 600 : undefined} style={{ paddingInlineStart: 8 + r.depth * 16 }}>
                        {r.title}
                      </Table.Td>
                      <Table.Td>{r.leadUnit ?? ''}</Table.Td>
                      <Table.Td>
                        {r.kind === 'task' && (r.startDate || r.dueDate)
                          ? `${formatDate(r.startDate) || '…'} – ${formatDate(r.dueDate) || '…'}`
                          : ''}
                      </Table.Td>
                      <Table.Td>{r.expectedProduct ?? ''}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={r.action === 'create' ? 'blue' : 'gray'}>
                          {t(`import.actions.${r.action}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            {preview.rows.length > ROWS_PER_PAGE && (
              <Pagination size="sm" total={Math.ceil(preview.rows.length / ROWS_PER_PAGE)} value={page} onChange={setPage} />
            )}

            <Group justify="space-between">
              <Button variant="subtle" onClick={reset} data-testid="plan-import-again">
                {t('import.another')}
              </Button>
              <Group gap="xs">
                <Button
                  variant="default"
                  onClick={() => recheck()}
                  disabled={!dirty}
                  loading={check.isPending}
                  data-testid="plan-import-check"
                >
                  {t('import.check')}
                </Button>
                <Button
                  onClick={doImport}
                  disabled={(!dirty && preview.counts.errors > 0) || preview.counts.toCreate === 0}
                  loading={apply.isPending}
                  data-testid="plan-import-apply"
                >
                  {t('import.apply', { count: preview.counts.toCreate })}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

interface FixInputProps {
  problem: ImportProblem;
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder: string;
}

/** The fix of one cell: a unit chosen from the closest matches (or typed), any other value typed. */
function FixInput({ problem, value, onChange, label, placeholder }: FixInputProps) {
  const suggestions = problem.suggestions ?? [];
  if (suggestions.length > 0) {
    // Chosen by id: two units of one name (a "Sở Nội vụ" in each province) stay apart.
    return (
      <Select
        size="xs"
        aria-label={label}
        placeholder={placeholder}
        data={suggestions.map((s) => ({ value: s.id, label: s.shortName ? `${s.name} (${s.shortName})` : s.name }))}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        searchable
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="plan-import-fix"
      />
    );
  }
  return (
    <TextInput
      size="xs"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid="plan-import-fix"
    />
  );
}
