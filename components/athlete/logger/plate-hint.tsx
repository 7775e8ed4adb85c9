import { Link } from "@/components/ui/link";
import { positiveWeight } from "@/lib/athlete/logger-state";
import type { PlateSetup } from "@/lib/training/plates";
import { plateLoad } from "@/lib/training/plates";

const show = (value: number) => String(Number(value.toFixed(2)));

/**
 * The plate calculator under a barbell exercise: for the weight of the next set (typed, or the
 * suggested placeholder), which plates go on each side of the athlete's bar, or the nearest weight
 * their plates can make; nothing for a weight no bar is loaded to. Bar and plates come from the profile.
 */
export function PlateHint({ weightText, setup, exerciseName }: { weightText: string; setup: PlateSetup; exerciseName: string }) {
  const target = positiveWeight(weightText);
  if (target === null) return null;
  const { unit, bar } = setup;
  const load = plateLoad(target, { bar, plates: setup.plates, unit });
  if (!load) return null;
  const perSide = load.perSide.length ? `${load.perSide.map(show).join(" + ")} each side` : "the empty bar";
  if (target < bar) {
    return (
      <p
        className="mt-2 rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-700"
        data-testid="plate-hint"
        aria-label={`Plates for ${exerciseName}`}
      >
        {show(target)} {unit} is lighter than your {show(bar)} {unit} bar.
      </p>
    );
  }
  return (
    <p
      className="mt-2 rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-700"
      data-testid="plate-hint"
      aria-label={`Plates for ${exerciseName}`}
    >
      {load.exact ? (
        <>
          <span className="font-semibold">
            {show(target)} {unit}:
          </span>{" "}
          {perSide} ({show(bar)} {unit} bar)
        </>
      ) : (
        <>
          <span className="font-semibold">
            {show(target)} {unit}
          </span>{" "}
          cannot be loaded with your plates; nearest is{" "}
          <span className="font-semibold">
            {show(load.total)} {unit}
          </span>
          : {perSide} ({show(bar)} {unit} bar)
        </>
      )}
      {" · "}
      <Link href="/profile#plates" className="font-semibold text-brand-700 hover:underline">
        Your plates
      </Link>
    </p>
  );
}
