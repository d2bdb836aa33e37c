import type { Clarity } from '@accord/domain';
import { Badge, Group, List, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** A row's mark when its task is not clear in all its "5 rõ": how many are met, and which fail on hover (`t`: the table's). */
export function ClarityBadge({ clarity, t }: { clarity: Clarity; t: TFunction<'plan'> }) {
  if (clarity.clear) return null;
  const failing = clarity.checks.filter((c) => c.problems.length > 0).map((c) => t(`clarity.criteria.${c.criterion}`));
  const label = t('clarity.badgeLabel', { met: clarity.met, of: clarity.of, failing: failing.join(', ') });
  return (
    <Badge color="orange" variant="light" size="xs" title={label} aria-label={label} data-testid="task-clarity" style={{ flexShrink: 0 }}>
      {t('clarity.badge', { met: clarity.met, of: clarity.of })}
    </Badge>
  );
}

/** Each criterion of the "5 rõ", met or not, and why not, in the user's language. */
export function ClarityChecklist({ clarity }: { clarity: Clarity }) {
  const { t } = useTranslation('plan');
  return (
    <Paper withBorder radius="md" p="sm" data-testid="task-clarity-check" data-clear={clarity.clear}>
      <Group justify="space-between" mb={6}>
        <Text fw={600} size="sm">
          {t('clarity.title')}
        </Text>
        <Badge color={clarity.clear ? 'green' : 'orange'} variant="light" size="sm">
          {t('clarity.badge', { met: clarity.met, of: clarity.of })}
        </Badge>
      </Group>
      <List spacing={4} size="sm" center>
        {clarity.checks.map((c) => {
          const ok = c.problems.length === 0;
          return (
            <List.Item
              key={c.criterion}
              data-criterion={c.criterion}
              data-met={ok}
              icon={
                <ThemeIcon color={ok ? 'green' : 'orange'} size={18} radius="xl" variant="light" aria-hidden>
                  {ok ? <IconCheck size={12} /> : <IconX size={12} />}
                </ThemeIcon>
              }
            >
              <Text span size="sm" fw={500}>
                {t(`clarity.criteria.${c.criterion}`)}
              </Text>
              <Text span size="sm" c={ok ? 'dimmed' : undefined}>
                {' — '}
                {ok ? t('clarity.met') : c.problems.map((p) => t(`clarity.problems.${p}`)).join(' ')}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
