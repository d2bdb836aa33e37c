import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../lib/dates';

dayjs.extend(customParseFormat);

interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  description?: string;
  required?: boolean;
  minDate?: string;
  disabled?: boolean;
  testId?: string;
}

/** Typing 05/09/2025 means 5 September, as in Vietnamese paperwork. */
function parseDayFirst(text: string): string | null {
  const parsed = dayjs(text.trim(), ['D/M/YYYY', 'DD/MM/YYYY', 'YYYY-MM-DD'], true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}

/** A calendar date: shown dd/mm/yyyy, held as an ISO yyyy-mm-dd string like the API. */
export function DateField({ label, value, onChange, error, description, required, minDate, disabled, testId }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      description={description}
      value={value}
      onChange={(v) => onChange(v ? v.slice(0, 10) : null)}
      valueFormat={DATE_FORMAT}
      dateParser={parseDayFirst}
      placeholder={t('common.datePlaceholder')}
      clearable
      required={required}
      disabled={disabled}
      error={error}
      minDate={minDate}
      leftSection={<IconCalendar size={16} />}
      popoverProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
