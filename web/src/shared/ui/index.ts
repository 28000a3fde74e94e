export { ConfirmDialog } from './ConfirmDialog';
export { ErrorAlert, useErrorMessage } from './ErrorAlert';
export { Loading } from './Loading';
export { Page, useDocumentTitle } from './Page';
export { StatusMessage } from './StatusMessage';
export { LoadMoreButton } from './LoadMoreButton';
export { SearchForm } from './SearchForm';
export { EmptyState } from './EmptyState';
export { TopicList } from './TopicList';
