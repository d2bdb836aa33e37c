import type { Person } from '@accord/domain';
import { Combobox, Group, Text, Textarea, useCombobox, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../api/thread';
import { insertMention, mentionQueryAt } from './mentions';

interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  agreementId: string;
  value: string;
  onChange: (value: string) => void;
  /** Only people of the writer's side: for an internal entry. */
  internal: boolean;
  onPick: (person: Person) => void;
}

/** A textarea where "@" and a few letters of a name offer the agreement's people to point the entry at. */
export function MentionTextarea({ agreementId, value, onChange, internal, onPick, ...rest }: MentionTextareaProps) {
  const { t, i18n } = useTranslation('thread');
  const ref = useRef<HTMLTextAreaElement>(null);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [debounced] = useDebouncedValue(typing?.query ?? null, 200);
  const people = usePeople(agreementId, typing ? debounced : null, internal);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const options = typing ? (people.data?.items ?? []) : [];

  const follow = (text: string, cursor: number) => {
    const found = mentionQueryAt(text, cursor);
    setTyping(found);
    if (found) combobox.openDropdown();
    else combobox.closeDropdown();
  };

  const pick = (id: string) => {
    const person = options.find((p) => p.id === id);
    const el = ref.current;
    if (!person || !typing || !el) return;
    const next = insertMention(value, typing.start, el.selectionStart, person.name);
    onChange(next.text);
    onPick(person);
    setTyping(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.cursor, next.cursor);
    });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal={false}>
      <Combobox.Target withKeyboardNavigation={options.length > 0}>
        <Textarea
          {...rest}
          ref={ref}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            follow(e.currentTarget.value, e.currentTarget.selectionStart);
          }}
          onClick={(e) => follow(value, e.currentTarget.selectionStart)}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!typing} data-testid="mention-options">
        <Combobox.Options>
          {options.length === 0 ? (
            <Combobox.Empty>{people.isFetching ? t('mention.searching') : t('mention.none')}</Combobox.Empty>
          ) : (
            options.map((p) => (
              <Combobox.Option value={p.id} key={p.id} data-testid="mention-option">
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {i18n.language === 'en' && p.organisation.nameEn ? p.organisation.nameEn : p.organisation.name}
                  </Text>
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
