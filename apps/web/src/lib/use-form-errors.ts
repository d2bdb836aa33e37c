import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, isValidationError, type FieldErrors } from './field-errors';
import { useErrorMessage } from './use-error-message';

/**
 * The error state of a form: messages next to fields, and one line above the form.
 * `showApiError` puts a failed save's answer where it belongs: field issues next to their
 * fields with "fix the marked fields" on top, any other error as a sentence on top.
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const showApiError = useCallback(
    (error: unknown) => {
      setErrors(fieldErrorsFromApi(error, t));
      setFormError(isValidationError(error) ? t('agreementForm.fixErrors') : errorMessage(error));
    },
    [t, errorMessage],
  );
  return { errors, setErrors, formError, setFormError, showApiError };
}
