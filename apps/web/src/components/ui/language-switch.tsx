import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../../i18n';

/** Tiếng Việt / English; the choice is kept in localStorage by the i18n setup. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      data-testid="language-switch"
      aria-label={t('userMenu.language')}
      value={isLanguage(i18n.language) ? i18n.language : 'vi'}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={languages.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
    />
  );
}
