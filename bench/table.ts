/** A plain-text table with a header rule; numbers right-aligned, text left-aligned. */
export function renderTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[+-]?[\d.]+/.test(String(r[i]))),
  );
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Up to 3 significant decimals for small values, fewer for large ones. */
export function fmt(n: number, digits?: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  const d = digits ?? (Math.abs(n) >= 1000 ? 0 : Math.abs(n) >= 100 ? 1 : 2);
  return n.toFixed(d);
}

/** `+1.23` / `-0.40`: a difference that keeps its sign. */
export function signed(n: number): string {
  return Number.isFinite(n) ? `${n >= 0 ? '+' : ''}${n.toFixed(2)}` : 'n/a';
}
