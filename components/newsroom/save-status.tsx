type SaveStatusProps = {
  /** What the last save or send did, in the form's own words ('' before anything happened). */
  announcement: string;
  /** Why the last request was refused, in Japanese; null when it was not. */
  error: string | null;
};

/**
 * The line under a newsroom form's save button: what happened, read out by a
 * screen reader when it changes (the status region is always in the page, and
 * keeps its line's height so the form does not jump), and a refusal as an
 * alert below it. Shared by the editors whose save panel is laid out alike
 * (the newsletter edition, the front page).
 */
export function SaveStatus({ announcement, error }: SaveStatusProps) {
  return (
    <>
      <p role="status" className="mt-2 min-h-5 text-sm">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="mt-2 rounded border border-brand-dark bg-white px-3 py-2 text-sm text-brand-dark">
          {error}
        </p>
      )}
    </>
  );
}
