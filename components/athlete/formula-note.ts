/** How the estimated 1RM is computed, said wherever one is shown (lib/training/one-rep-max). */
export const FORMULA_NOTE =
  "Estimated 1RM: Brzycki (w × 36 / (37 − reps)) up to 10 reps, Epley (w × (1 + reps / 30)) beyond; with RPE, the reps in reserve (10 − RPE) are added to the reps done. Sets past 12 effective reps are left out as too rough.";
