import { useTranslation } from 'react-i18next';
import { useFormatters } from './format';

/**
 * A price as every page says it: "Maksuton" for nothing, otherwise the amount with its VAT
 * ("145 € (sis. alv)"). Courses are priced with VAT included (the session form says so).
 */
export function usePriceText(): (cents: number) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (cents) =>
    cents === 0 ? t('offers.details.free') : t('offers.details.priceInclVat', { price: format.money(cents) });
}
