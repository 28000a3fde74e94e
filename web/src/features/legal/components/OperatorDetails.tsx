import { useTranslation } from 'react-i18next';
import type { LegalInfo } from '../operations';

/** The operator's name and contact details, as a description list; addresses are mail links. */
export function OperatorDetails({ info, contacts = true }: { info: LegalInfo; contacts?: boolean }) {
  const { t } = useTranslation();
  const rows: Array<{ key: string; label: string; value: React.ReactNode }> = [
    { key: 'name', label: t('legal.operator.name'), value: info.operatorName },
    ...(info.businessId ? [{ key: 'businessId', label: t('legal.operator.businessId'), value: info.businessId }] : []),
    { key: 'address', label: t('legal.operator.address'), value: info.address },
    { key: 'email', label: t('legal.operator.email'), value: <MailLink address={info.email} /> },
    ...(info.phone
      ? [
          {
            key: 'phone',
            label: t('legal.operator.phone'),
            value: <a href={`tel:${info.phone.replace(/\s/g, '')}`}>{info.phone}</a>,
          },
        ]
      : []),
  ];
  if (contacts) {
    rows.push(
      { key: 'privacyEmail', label: t('legal.operator.privacyEmail'), value: <MailLink address={info.privacyEmail} /> },
      {
        key: 'accessibilityEmail',
        label: t('legal.operator.accessibilityEmail'),
        value: <MailLink address={info.accessibilityEmail} />,
      },
    );
  }
  return (
    <dl className="legal-details">
      {rows.map((row) => (
        <div key={row.key} className="legal-details__row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MailLink({ address }: { address: string }) {
  return <a href={`mailto:${address}`}>{address}</a>;
}
