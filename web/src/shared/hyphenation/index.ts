export { Hyphenated } from './Hyphenated';
export {
  hyphenate,
  hyphenationLanguage,
  hyphenationOnPage,
  loadAllHyphenation,
  loadHyphenation,
  SOFT_HYPHEN,
  withoutSoftHyphens,
} from './hyphenate';
