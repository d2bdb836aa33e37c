import { DirectionProvider, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/vi';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../lib/query-client';
import { storedDirection } from './direction';
import { createAppTheme, cssVariablesResolver } from './theme';

export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // `t` changes with the language, and with it the names of Mantine's icon-only controls.
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <DirectionProvider initialDirection={storedDirection()}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>
          <QueryClientProvider client={queryClient}>
            <Notifications position="top-center" />
            {children}
          </QueryClientProvider>
        </DatesProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
