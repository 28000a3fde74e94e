import { useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { AppError } from '../graphql/errors';
import { downloadWithAuth } from '../utils/download';
import { ErrorAlert } from './ErrorAlert';

interface DownloadButtonProps {
  /** A same-origin file that needs the signed-in user's token. */
  url: string;
  filename: string;
  children: ReactNode;
  className?: string;
}

/** A button that saves a file only the signed-in user may have (see downloadWithAuth). */
export function DownloadButton({
  url,
  filename,
  children,
  className = 'button button--secondary',
}: DownloadButtonProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <>
      <Button
        className={className}
        isPending={pending}
        onPress={async () => {
          setPending(true);
          setError(null);
          try {
            setError(await downloadWithAuth(url, filename));
          } finally {
            setPending(false);
          }
        }}
      >
        {children}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
