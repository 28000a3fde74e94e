import { useTranslation } from 'react-i18next';
import { INTL_LOCALES, useLocale } from '../../../shared/i18n';
import type { PublicCount } from '../operations';

/** A public figure as the reader reads it: the number, or "fewer than 5" when it is suppressed. */
export function usePublicCountText(): (count: PublicCount) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = new Intl.NumberFormat(INTL_LOCALES[locale]);
  return (count) => (count.suppressed || count.value === null ? t('results.fewerThan5') : number.format(count.value));
}

/** A public figure's value; a suppressed one in words, marked so that it reads as such. */
export function PublicCountValue({ count, className }: { count: PublicCount; className?: string }) {
  const text = usePublicCountText();
  const suppressed = count.suppressed || count.value === null;
  const classes = [className, suppressed ? `${className ?? 'public-count'}--suppressed` : null].filter(Boolean);
  return <span className={classes.join(' ') || undefined}>{text(count)}</span>;
}
