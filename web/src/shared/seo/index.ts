export {
  headHtml,
  headTags,
  PageMeta,
  resolveMeta,
  SeoProvider,
  summarise,
  type HeadCollector,
  type PageMetaProps,
  type ResolvedMeta,
  type SeoSettings,
} from './PageMeta';
export { courseJsonLd, jobPostingJsonLd, serializeJsonLd } from './structuredData';
