import { RichText } from './RichText';

/** "Our privacy notice tells how we handle your data", with the link: for the sign-up form. */
export function PrivacyNoticeSentence({ className }: { className?: string }) {
  return (
    <p className={className}>
      <RichText i18nKey="legal.signUpNotice" />
    </p>
  );
}
