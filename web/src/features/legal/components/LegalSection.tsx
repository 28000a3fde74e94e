import type { ReactNode } from 'react';

/** One titled part of a legal page; `id` makes it linkable (/privacy#rights). */
export function LegalSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} className="legal__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {children}
    </section>
  );
}

/** The page's table of contents: a link to each section. */
export function LegalContents({
  label,
  sections,
}: {
  label: string;
  sections: Array<{ id: string; heading: string }>;
}) {
  return (
    <nav className="legal__contents" aria-label={label}>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.heading}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
