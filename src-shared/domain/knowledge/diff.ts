// Line diff for article version history (Myers' O(ND) algorithm, "An O(ND) Difference
// Algorithm and Its Variations", 1986): the shortest edit script, so that applying the
// inserts and deletes to the old text gives the new text exactly.

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffLine {
  op: DiffOp;
  text: string;
}

export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

export function diffLines(before: string, after: string): DiffLine[] {
  return diffSequences(splitLines(before), splitLines(after));
}

export function diffSequences(a: readonly string[], b: readonly string[]): DiffLine[] {
  // Common prefix and suffix first: most edits touch a few lines of a long article.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  return [
    ...a.slice(0, start).map((text) => ({ op: 'equal' as const, text })),
    ...middle,
    ...a.slice(endA).map((text) => ({ op: 'equal' as const, text })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ op: 'insert', text }));
  if (m === 0) return a.map((text) => ({ op: 'delete', text }));
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  // Walk the trace backwards from (n, m) to recover the edit script.
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ op: 'equal', text: a[x - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) out.push({ op: 'insert', text: b[y - 1] });
      else out.push({ op: 'delete', text: a[x - 1] });
      x = prevX;
      y = prevY;
    }
  }
  return out.reverse();
}

/** Rebuilds both sides from a diff; used by tests and by restore previews. */
export function applyDiff(diff: readonly DiffLine[]): { before: string; after: string } {
  return {
    before: diff.filter((l) => l.op !== 'insert').map((l) => l.text).join('\n'),
    after: diff.filter((l) => l.op !== 'delete').map((l) => l.text).join('\n'),
  };
}

export function diffStats(diff: readonly DiffLine[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const l of diff) {
    if (l.op === 'insert') inserted++;
    else if (l.op === 'delete') deleted++;
  }
  return { inserted, deleted };
}
