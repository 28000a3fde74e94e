import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { splitTexts, type TextTree } from './src/shared/i18n/textSplit.ts';

/**
 * `locales/<lang>.json?texts=first` and `?texts=rest`: the two parts of a language's texts
 * (src/shared/i18n/textSplit.ts), each a module whose default export is the part.
 */
export function localeTextParts(): Plugin {
  const PART = /^(.*[\\/]locales[\\/](?:fi|sv|en)\.json)\?texts=(first|rest)$/;
  return {
    name: 'keskusvaraamo:locale-text-parts',
    enforce: 'pre',
    async load(id) {
      const match = PART.exec(id);
      if (!match) return null;
      const [, file, part] = match as unknown as [string, string, 'first' | 'rest'];
      this.addWatchFile(file);
      const texts = JSON.parse(await readFile(file, 'utf8')) as TextTree;
      // JSON.parse of a string literal: faster for the engine than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(splitTexts(texts)[part]))});`;
    },
  };
}
