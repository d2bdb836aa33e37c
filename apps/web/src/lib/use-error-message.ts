import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, isRecord } from './api-error';

/** Turns any error into a sentence in the user's language: by code, else the server's message. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        const minutes = isRecord(error.details) ? error.details.retryAfterMinutes : undefined;
        // The numbers an error carries (a limit) may be named in its sentence.
        const numbers = isRecord(error.details)
          ? Object.fromEntries(Object.entries(error.details).filter((e): e is [string, number] => typeof e[1] === 'number'))
          : {};
        return t(`errors.${error.code}`, {
          ...numbers,
          minutes: typeof minutes === 'number' ? minutes : 15,
          defaultValue: error.message || t('errors.UNKNOWN'),
        });
      }
      return t('errors.UNKNOWN');
    },
    [t],
  );
}
