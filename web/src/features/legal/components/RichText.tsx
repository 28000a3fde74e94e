import type { ReactElement } from 'react';
import { Trans } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The links and emphasis a legal text may hold, by the tag names the translations use:
 * `<strong>`, `<data>` (the account page's "Your data"), `<account>`, `<profile>`, `<contact>`,
 * `<form>` (the contact form on the text's topic), `<privacy>` and `<ombudsman>`.
 */
function components(topic: string): Record<string, ReactElement> {
  return {
    strong: <strong />,
    data: <Link to="/account#your-data" />,
    account: <Link to="/account" />,
    profile: <Link to="/my/profile" />,
    contact: <Link to={`/contact?topic=${topic}`} />,
    form: <Link to={`/contact?topic=${topic}`} />,
    privacy: <Link to="/privacy" />,
    // Trans puts the translated link text in.
    // eslint-disable-next-line jsx-a11y/anchor-has-content
    ombudsman: <a href="https://tietosuoja.fi" />,
  };
}

interface RichTextProps {
  i18nKey: `legal.${string}`;
  values?: Record<string, string>;
  /** The contact form's topic for `<contact>` and `<form>` links. */
  topic?: 'ACCESSIBILITY' | 'PRIVACY' | 'GENERAL';
}

/** A translated text with its links, safely: only the tags above become elements. */
export function RichText({ i18nKey, values, topic = 'PRIVACY' }: RichTextProps) {
  return <Trans i18nKey={i18nKey as never} values={values} components={components(topic)} />;
}
