import { topicById } from '@keskusvaraamo/shared';
import { useLocale } from '../i18n/useLocale';

/** Topic ids as tags labelled in the UI language. */
export function TopicList({ topics, label }: { topics: readonly string[]; label?: string }) {
  const locale = useLocale();
  if (topics.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label}>
      {topics.map((id) => (
        <li key={id} className="tag">
          {topicById(id)?.labels[locale] ?? id}
        </li>
      ))}
    </ul>
  );
}
