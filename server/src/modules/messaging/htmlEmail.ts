/**
 * The HTML of every e-mail (layout.ts describes the layout; load this through its `toHtml`, which
 * makes sure React's production build is the one loaded). Written with `createElement`: the server
 * compiles no JSX.
 */
import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { render } from '@react-email/render';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import { createElement as h, Fragment, type ReactNode } from 'react';
// Loaded here, not at the first render as @react-email/render would: with this module, in React's
// production build (see layout.ts, loadHtmlRenderer).
import 'react-dom/server';
import type { Block, EmailContent } from './layout.js';

/**
 * The web app's colours (web/src/styles.css); every text colour on its background meets WCAG AA
 * (email.test.ts checks the pairs).
 */
export const COLOURS = {
  background: '#f4f6f7',
  surface: '#ffffff',
  text: '#17232d',
  muted: '#4a5965',
  primary: '#0b4f6c',
  onPrimary: '#ffffff',
  border: '#cfd8de',
} as const;

const SERVICE_NAME = 'Osaamisen keskusvaraamo';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
const URL_LINE = /^https?:\/\/\S+$/;

/** The HTML body (a complete document, `lang` the recipient's language). */
export function renderHtml(content: EmailContent): Promise<string> {
  return render(h(Email, content));
}

const paragraph = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px', color: COLOURS.text } as const;
const link = { color: COLOURS.primary, textDecoration: 'underline' } as const;

/** Lines with their breaks; a line that is only an address is a link to it. */
function lines(text: string): ReactNode {
  return text
    .split('\n')
    .map((line, i) =>
      h(
        Fragment,
        { key: i },
        i > 0 ? h('br') : null,
        URL_LINE.test(line) ? h(Link, { href: line, style: link }, line) : line,
      ),
    );
}

function block(b: Block, key: number): ReactNode {
  if (typeof b === 'string') {
    return h(
      Fragment,
      { key },
      b.split(/\n{2,}/).map((p, i) => h(Text, { key: i, style: paragraph }, lines(p))),
    );
  }
  if ('action' in b) {
    return h(
      Fragment,
      { key },
      b.lead ? h(Text, { style: paragraph }, lines(b.lead)) : null,
      h(
        Section,
        { style: { margin: '0 0 24px' } },
        h(
          Button,
          {
            href: b.url,
            style: {
              backgroundColor: b.secondary ? COLOURS.surface : COLOURS.primary,
              color: b.secondary ? COLOURS.primary : COLOURS.onPrimary,
              border: `2px solid ${COLOURS.primary}`,
              fontSize: '16px',
              fontWeight: 600,
              lineHeight: '24px',
              borderRadius: '8px',
              padding: '12px 20px',
              textDecoration: 'none',
            },
          },
          b.action,
        ),
      ),
    );
  }
  return h(
    'ul',
    { key, style: { ...paragraph, paddingLeft: '20px' } },
    b.links.map((l, i) =>
      h('li', { key: i, style: { margin: '0 0 8px' } }, h(Link, { href: l.url, style: link }, l.text)),
    ),
  );
}

/** The first words a mail client shows beside the subject. */
function preview(blocks: Block[]): string {
  const first = blocks.map((b) => (typeof b === 'string' ? b : 'action' in b ? (b.lead ?? '') : '')).find(Boolean);
  const text = (first ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

function Email(content: EmailContent) {
  const { locale, subject, blocks, signature, unsubscribe } = content;
  const small = { fontSize: '14px', lineHeight: '20px', margin: '0 0 8px', color: COLOURS.muted } as const;
  return h(
    Html,
    { lang: locale, dir: 'ltr' },
    h(
      Head,
      null,
      h('title', null, subject),
      // Light only: a client that darkens the page itself would break the checked contrast.
      h('meta', { name: 'color-scheme', content: 'light' }),
      h('meta', { name: 'supported-color-schemes', content: 'light' }),
    ),
    h(
      Body,
      {
        style: {
          backgroundColor: COLOURS.background,
          color: COLOURS.text,
          fontFamily: FONT,
          margin: 0,
          padding: '24px 8px',
        },
      },
      h(Preview, null, preview(blocks)),
      h(
        Container,
        {
          style: {
            maxWidth: '600px',
            backgroundColor: COLOURS.surface,
            border: `1px solid ${COLOURS.border}`,
            borderRadius: '12px',
            overflow: 'hidden',
          },
        },
        h(
          Section,
          { style: { backgroundColor: COLOURS.primary, padding: '16px 24px' } },
          h(
            Text,
            { style: { color: COLOURS.onPrimary, fontSize: '18px', lineHeight: '24px', fontWeight: 700, margin: 0 } },
            SERVICE_NAME,
          ),
        ),
        h(
          Section,
          { style: { padding: '8px 24px 8px' } },
          h(
            Heading,
            { as: 'h1', style: { fontSize: '22px', lineHeight: '30px', margin: '16px 0', color: COLOURS.text } },
            subject,
          ),
          blocks.map(block),
        ),
        h(
          Section,
          {
            style: {
              backgroundColor: COLOURS.background,
              borderTop: `1px solid ${COLOURS.border}`,
              padding: '16px 24px',
            },
          },
          h(Text, { style: small }, signature),
          unsubscribe
            ? h(
                Text,
                { style: small },
                `${unsubscribe.lead} `,
                h(Link, { href: unsubscribe.url, style: link }, unsubscribe.label),
              )
            : null,
        ),
      ),
    ),
  );
}
