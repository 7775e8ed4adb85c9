/**
 * The athlete's bar and plates, for the logger's plate calculator: set on the profile, in the unit they
 * train in. A setup saved in one unit does not carry over to the other (a 20 kg bar is not a 45 lb one,
 * and nobody owns 11.34 lb plates): switching units falls back to that unit's standard setup until the
 * athlete saves another.
 */
import { z } from "@/lib/zod";
import { DEFAULT_BAR, DEFAULT_PLATES, PLATE_CHOICES, type PlateSetup } from "@/lib/training/plates";
import { WEIGHT_UNITS, type WeightUnit } from "@/lib/training/units";

export const MAX_BAR: Record<WeightUnit, number> = { kg: 50, lb: 110 };

/** The profile form's input: checkboxes send `plates` once per ticked plate (one value arrives as a string). */
export const plateSetupSchema = z
  .object({
    unit: z.enum(WEIGHT_UNITS),
    bar: z.coerce.number({ error: "Enter the bar's weight." }).min(0, "The bar cannot weigh less than nothing."),
    plates: z
      .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number()))
      .pipe(z.array(z.number()).min(1, "Tick at least one plate you have.")),
  })
  .superRefine((setup, ctx) => {
    if (setup.bar > MAX_BAR[setup.unit])
      ctx.addIssue({ code: "custom", path: ["bar"], message: `A bar weighs at most ${MAX_BAR[setup.unit]} ${setup.unit}.` });
    if (setup.plates.some((p) => !PLATE_CHOICES[setup.unit].includes(p)))
      ctx.addIssue({ code: "custom", path: ["plates"], message: "Choose plates from the list." });
  })
  .transform((setup) => ({ ...setup, plates: [...new Set(setup.plates)].sort((a, b) => b - a) }));

/** The setup the calculator uses for an athlete training in `unit`. */
export function plateSetupFor(saved: PlateSetup | null | undefined, unit: WeightUnit): PlateSetup {
  if (saved && saved.unit === unit) return saved;
  return { unit, bar: DEFAULT_BAR[unit], plates: [...DEFAULT_PLATES[unit]] };
}
