/**
 * JSON to put inside a `<script type="application/json">` or `application/ld+json` element: every
 * `<` escaped, so no `</script>` or `<!--` in the data can end or change the element, and U+2028 and
 * U+2029 escaped as older parsers of JavaScript want. A module of its own, free of imports, so that
 * each page's chunk can use it without pulling anything else in.
 */
export const jsonForScript = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
