import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface StringListInputProps {
  label: string;
  description?: string;
  values: string[];
  onChange: (values: string[]) => void;
  addLabel: string;
  placeholder?: string;
  /** Errors by index, e.g. { 1: 'not a link' }. */
  errors?: Record<number, string | undefined>;
  error?: string;
  testId?: string;
}

/** An editable list of lines (legal bases, source links): one input each, add and remove. */
export function StringListInput({
  label,
  description,
  values,
  onChange,
  addLabel,
  placeholder,
  errors,
  error,
  testId,
}: StringListInputProps) {
  const { t } = useTranslation();
  const update = (index: number, value: string) => onChange(values.map((v, i) => (i === index ? value : v)));
  const remove = (index: number) => onChange(values.filter((_, i) => i !== index));
  return (
    <Input.Wrapper label={label} description={description} error={error} data-testid={testId}>
      <Stack gap="xs" mt={4}>
        {values.map((value, index) => (
          <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              style={{ flex: 1 }}
              value={value}
              placeholder={placeholder}
              onChange={(e) => update(index, e.currentTarget.value)}
              error={errors?.[index]}
              aria-label={`${label} ${index + 1}`}
              data-testid={testId ? `${testId}-${index}` : undefined}
            />
            <ActionIcon variant="subtle" color="red" size="lg" onClick={() => remove(index)} aria-label={t('common.remove')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...values, ''])}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
