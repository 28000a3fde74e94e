/** The `hyphen` package ships no types; what this app uses of its per-language modules. */
declare module 'hyphen/fi' {
  export const hyphenateSync: import('./hyphenate').HyphenateSync;
}
declare module 'hyphen/sv' {
  export const hyphenateSync: import('./hyphenate').HyphenateSync;
}
declare module 'hyphen/en' {
  export const hyphenateSync: import('./hyphenate').HyphenateSync;
}
