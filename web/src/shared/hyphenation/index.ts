export { Hyphenated } from './Hyphenated';
export {
  hyphenate,
  hyphenationLanguage,
  loadAllHyphenation,
  loadHyphenation,
  rememberServerHyphenation,
  SOFT_HYPHEN,
  withoutSoftHyphens,
} from './hyphenate';
