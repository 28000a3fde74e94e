import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What is loading is shaped like what will come, so the page keeps its layout and nothing jumps when
 * it arrives: `list` for cards in a list, `detail` for an item's page (facts, then text), `form` for
 * a form's fields, `lines` for a few lines of text, and `inline` (a small spinner and words) where a
 * row or a button's neighbour waits.
 */
export type LoadingShape = 'lines' | 'list' | 'detail' | 'form' | 'inline';

export function Loading({ label, shape = 'lines' }: { label?: string; shape?: LoadingShape }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  if (shape === 'inline')
    return (
      <p role="status" className="loading">
        <span className="loading__spinner" aria-hidden="true" />
        {text}
      </p>
    );
  return (
    <div role="status" className={`placeholder placeholder--${shape}`}>
      <span className="visually-hidden">{text}</span>
      <div aria-hidden="true" className="placeholder__shape">
        {SHAPES[shape]}
      </div>
    </div>
  );
}

/** Grey lines where text will be; the last one shorter, as a paragraph's is. */
export function PlaceholderLines({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className={`placeholder-line${i === count - 1 ? ' placeholder-line--short' : ''}`} />
      ))}
    </>
  );
}

const card = (key: number) => (
  <span key={key} className="placeholder-card">
    <span className="placeholder-line placeholder-line--title" />
    <PlaceholderLines count={2} />
  </span>
);

const field = (key: number) => (
  <span key={key} className="placeholder-field">
    <span className="placeholder-line placeholder-line--label" />
    <span className="placeholder-input" />
  </span>
);

const SHAPES: Record<Exclude<LoadingShape, 'inline'>, ReactNode> = {
  lines: <PlaceholderLines count={3} />,
  list: [0, 1, 2].map(card),
  detail: (
    <>
      <span className="placeholder-facts">
        <PlaceholderLines count={4} />
      </span>
      <PlaceholderLines count={4} />
    </>
  ),
  form: [0, 1, 2].map(field),
};
