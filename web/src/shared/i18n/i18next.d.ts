import 'i18next';
import type fi from '../../locales/fi.json';

// Finnish is the reference language: a key missing from it is a type error at its use.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fi };
    returnNull: false;
  }
}
