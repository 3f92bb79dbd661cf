/**
 * The problems an engine, a reader or a mapping failed with, as the analyst reads them: an alert
 * (announced when it appears) with a title saying what could not be done, then one line per
 * problem — each problem already carries its path (`problemsOf` in `lib/problems.ts`). Long lists
 * are cut at `limit`, and the cut is said, never silent.
 */
export function ProblemList({ title, problems, limit, testId }: { title?: string; problems: readonly string[]; limit?: number; testId?: string }) {
  if (problems.length === 0) return null;
  const shown = limit !== undefined && problems.length > limit ? problems.slice(0, limit) : problems;
  const hidden = problems.length - shown.length;
  return (
    <div class="notice notice-error" role="alert" data-testid={testId}>
      {title && <strong>{title}</strong>}
      <ul>
        {shown.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      {hidden > 0 && <p>…and {hidden} more.</p>}
    </div>
  );
}
