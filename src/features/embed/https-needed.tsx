import { ErrorState } from '@/components/ui/error-state';

/** The deck has no token and is reached over plain HTTP: an in-frame login could not be kept. */
export function HttpsNeeded() {
  return (
    <ErrorState
      className="text-xs"
      title="Logging in here needs HTTPS"
      message={
        'This deck has no read-only token, so this view reads the backup server with your own login. The login is kept in a ' +
        'cookie that browsers accept inside a frame only over HTTPS. The administrator serves the deck over HTTPS (TLS_CERT ' +
        'and TLS_KEY, or a TLS proxy) or sets EMBED_TOKEN; see the deployment guide.'
      }
    />
  );
}
