export { Hyphenated } from './Hyphenated';
export { hyphenate, hyphenationLanguage, loadHyphenation, SOFT_HYPHEN, withoutSoftHyphens } from './hyphenate';
