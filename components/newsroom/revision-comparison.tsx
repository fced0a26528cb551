import type { DiffPiece, DiffRow, RevisionComparison as Comparison } from '@/lib/newsroom/revision-diff';

type RevisionComparisonProps = { comparison: Comparison; fromLabel: string; toLabel: string };

// Added text is underlined, removed text struck through, each in its own
// colour too, so neither colour vision nor a screen reader (ins/del) is needed
// to tell them apart; the legend says which is which.
const INS = 'bg-emerald-100 text-emerald-950 underline decoration-2 underline-offset-4 decoration-emerald-700';
const DEL = 'bg-rose-100 text-rose-950 line-through decoration-2 decoration-rose-700';

function Piece({ piece }: { piece: DiffPiece }) {
  if (piece.kind === 'ins') return <ins className={INS}>{piece.text}</ins>;
  if (piece.kind === 'del') return <del className={DEL}>{piece.text}</del>;
  return <>{piece.text}</>;
}

/** One paragraph of the comparison, with a margin mark (＋ added, − removed, ± edited) that repeats the colour in a shape. */
function Row({ row }: { row: DiffRow }) {
  if (row.kind === 'skip') return <li className="py-1 text-center text-xs text-muted">{`(変更のない段落 ${row.count})`}</li>;
  const mark = row.kind === 'ins' ? '＋' : row.kind === 'del' ? '−' : row.kind === 'changed' ? '±' : '';
  const label = row.kind === 'ins' ? '追加された段落' : row.kind === 'del' ? '削除された段落' : row.kind === 'changed' ? '変更された段落' : undefined;
  return (
    <li className="grid grid-cols-[1.5rem_1fr] gap-2 py-1.5" aria-label={label}>
      <span aria-hidden="true" className="text-center font-bold text-muted">
        {mark}
      </span>
      <p className="break-words whitespace-pre-wrap">
        {row.kind === 'same' && row.text}
        {row.kind === 'ins' && <ins className={INS}>{row.text}</ins>}
        {row.kind === 'del' && <del className={DEL}>{row.text}</del>}
        {row.kind === 'changed' && row.pieces.map((p, i) => <Piece key={i} piece={p} />)}
      </p>
    </li>
  );
}

/** Two revisions compared: headline, lead and body with their insertions and deletions marked, and which other fields changed. */
export function RevisionComparison({ comparison, fromLabel, toLabel }: RevisionComparisonProps) {
  const unchanged = comparison.fields.every((f) => !f.changed) && comparison.otherChanges.length === 0;
  return (
    <div className="mt-4 space-y-5" data-testid="revision-comparison">
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span>
          <del className={DEL}>取り消し線</del>: {fromLabel}にあって消えた文字
        </span>
        <span>
          <ins className={INS}>下線</ins>: {toLabel}で加わった文字
        </span>
      </p>
      {unchanged && <p className="rounded border border-rule bg-white px-4 py-6 text-center text-muted">2つの版に違いはありません。</p>}
      {comparison.fields.map((f) => (
        <section key={f.field} aria-labelledby={`diff-${f.field}`} className="rounded border border-rule bg-white px-4 py-3">
          <h2 id={`diff-${f.field}`} className="flex items-center gap-2 font-bold">
            {f.label}
            <span className="rounded bg-paper px-2 py-0.5 text-xs font-normal">{f.changed ? '変更あり' : '変更なし'}</span>
          </h2>
          {f.rows.length === 0 ? (
            <p className="mt-2 text-sm text-muted">(どちらの版も空です)</p>
          ) : (
            <ol className={`mt-2 divide-y divide-rule/60 ${f.field === 'headline' ? 'font-serif text-lg font-bold' : ''}`}>
              {f.rows.map((row, i) => (
                <Row key={i} row={row} />
              ))}
            </ol>
          )}
        </section>
      ))}
      {comparison.otherChanges.length > 0 && (
        <p className="rounded border border-rule bg-white px-4 py-3 text-sm" data-testid="other-changes">
          <span className="font-bold">ほかに変わった項目: </span>
          {comparison.otherChanges.join('、')}
        </p>
      )}
    </div>
  );
}
