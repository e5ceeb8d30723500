import type { KbSnippet } from '../../../src-shared/contract/knowledge';

/** A search snippet: matched words highlighted; the text stays text (no HTML crosses the contract). */
export function Snippet({ pieces }: { pieces: KbSnippet }) {
  return (
    <span className="kb-snippet">
      {pieces.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
