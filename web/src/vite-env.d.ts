/** A part of one language's texts, made by the build from locales/<lang>.json (textSplit.ts). */
declare module '*.json?texts=first' {
  const texts: Partial<import('./shared/i18n/i18n').LocaleTexts>;
  export default texts;
}
declare module '*.json?texts=rest' {
  const texts: Partial<import('./shared/i18n/i18n').LocaleTexts>;
  export default texts;
}
