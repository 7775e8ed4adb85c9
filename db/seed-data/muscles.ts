/**
 * The muscles of the built-in library, grouped by the body region the UI filters and groups by.
 * Names are what exercises refer to in db/seed-data/exercises.ts and what the weekly volume targets
 * (lib/training/volume.ts) are keyed by, so renaming one means renaming it there too.
 */
export const MUSCLE_REGIONS = ["chest", "back", "shoulders", "arms", "legs", "core"] as const;
export type MuscleRegion = (typeof MUSCLE_REGIONS)[number];

export const MUSCLES = [
  { name: "Pectoralis major", region: "chest" },
  { name: "Latissimus dorsi", region: "back" },
  { name: "Trapezius", region: "back" },
  { name: "Rhomboids", region: "back" },
  { name: "Erector spinae", region: "back" },
  { name: "Anterior deltoid", region: "shoulders" },
  { name: "Lateral deltoid", region: "shoulders" },
  { name: "Posterior deltoid", region: "shoulders" },
  { name: "Triceps brachii", region: "arms" },
  { name: "Biceps brachii", region: "arms" },
  { name: "Brachialis", region: "arms" },
  { name: "Forearm flexors", region: "arms" },
  { name: "Quadriceps", region: "legs" },
  { name: "Hamstrings", region: "legs" },
  { name: "Gluteus maximus", region: "legs" },
  { name: "Gluteus medius", region: "legs" },
  { name: "Adductors", region: "legs" },
  { name: "Calves", region: "legs" },
  // The hip flexors (iliopsoas) are grouped with the core, where leg raises and sit-ups train them.
  { name: "Hip flexors", region: "core" },
  { name: "Rectus abdominis", region: "core" },
  { name: "Obliques", region: "core" },
] as const satisfies readonly { name: string; region: MuscleRegion }[];

export type MuscleName = (typeof MUSCLES)[number]["name"];
