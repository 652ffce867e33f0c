/** A tiny trend line (plain SVG: a table of services draws dozens). Nulls break the line. */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 24,
  color = '#6366f1',
}: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
  color?: string;
}) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return <span className="text-xs text-slate-400">–</span>;
  const max = Math.max(...present);
  const min = Math.min(0, ...present);
  const span = max - min || 1;
  const dx = values.length > 1 ? width / (values.length - 1) : 0;
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = (i * dx).toFixed(1);
    const y = (height - 1 - ((v - min) / span) * (height - 2)).toFixed(1);
    d += `${pen ? 'L' : 'M'}${x},${y}`;
    pen = true;
  });
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-sparkline="true">
      <title>{label}</title>
      <path d={d} fill="none" stroke={color} strokeWidth={1.5} />
    </svg>
  );
}
