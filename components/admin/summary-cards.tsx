export interface SummaryCard {
  label: string;
  value: number;
  /** The preview's value, when the card compares a run with its preview. */
  preview?: number;
  tone?: "neutral" | "good" | "warn" | "bad";
}

const TONE = {
  neutral: "text-slate-900",
  good: "text-emerald-700",
  warn: "text-amber-700",
  bad: "text-red-700",
};

function difference(value: number, preview: number): string {
  const diff = value - preview;
  if (diff === 0) return "same as preview";
  return `${diff > 0 ? "+" : "−"}${Math.abs(diff).toLocaleString("en")} vs preview (${preview.toLocaleString("en")})`;
}

/** A run's counts as cards; with `preview` values, each card also says how the run differed. */
export function SummaryCards({ cards, label }: { cards: SummaryCard[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {cards.map((card) => (
        <div key={card.label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <dt className="text-sm font-medium text-slate-600">{card.label}</dt>
          <dd className={`mt-1 text-2xl font-bold tabular-nums ${TONE[card.tone ?? "neutral"]}`}>
            {card.value.toLocaleString("en")}
          </dd>
          {card.preview !== undefined ? (
            <dd className={`mt-1 text-xs ${card.value === card.preview ? "text-slate-500" : "font-semibold text-amber-800"}`}>
              {difference(card.value, card.preview)}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
