/**
 * Matching another app's exercise names to Ironlog's library. Strong and Hevy both write
 * "Bench Press (Barbell)"; Ironlog says "Barbell Bench Press". A name matches a library exercise when
 * they hold the same words (hyphens, plurals and case aside), or the same words but the equipment
 * word when that is the exercise's own type, or through the table of known aliases below. Anything
 * else is left for the athlete to choose: a wrong guess would file their history under another lift.
 */

export interface LibraryExercise {
  id: number;
  name: string;
  type: string;
}

/** Names the two apps use that no word rule can reach (compared by their words, see `words`). */
export const KNOWN_ALIASES: Record<string, string> = {
  "squat barbell": "Barbell Back Squat",
  "back squat barbell": "Barbell Back Squat",
  "bent over row barbell": "Barbell Bent-Over Row",
  "bicep curl barbell": "Barbell Curl",
  "bicep curl dumbbell": "Dumbbell Curl",
  "skullcrusher barbell": "Barbell Skull Crusher",
  "triceps dip": "Parallel Bar Dip",
  "chest dip": "Parallel Bar Dip",
  "incline bench press dumbbell": "Incline Dumbbell Press",
  "chest fly dumbbell": "Dumbbell Fly",
  "lateral raise dumbbell": "Dumbbell Lateral Raise",
  "lunge dumbbell": "Dumbbell Walking Lunge",
  "walking lunge dumbbell": "Dumbbell Walking Lunge",
  "goblet squat kettlebell": "Goblet Squat",
  "hip thrust barbell": "Barbell Hip Thrust",
  "calf raise standing": "Standing Calf Raise",
  "overhead press barbell": "Overhead Press",
  "shoulder press barbell": "Overhead Press",
  "strict military press barbell": "Overhead Press",
  "deadlift barbell": "Deadlift",
  "romanian deadlift barbell": "Romanian Deadlift",
  "sumo deadlift barbell": "Sumo Deadlift",
  "pull up": "Pull-Up",
  "chin up": "Chin-Up",
  "push up": "Push-Up",
};

const EQUIPMENT_WORDS = new Set(["barbell", "dumbbell", "kettlebell", "cable", "machine", "band", "bodyweight", "smith"]);
const JOINED = [
  ["pull", "up"],
  ["chin", "up"],
  ["push", "up"],
  ["sit", "up"],
  ["step", "up"],
];

/** The words of a name, lowercased, hyphens and parentheses gone, plurals singular, "pull up" joined. */
export function words(name: string): string[] {
  const raw = name
    .toLowerCase()
    .replace(/[()[\],.]/g, " ")
    .replace(/-/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w.length >= 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const pair = JOINED.find(([a, b]) => raw[i] === a && raw[i + 1] === b);
    if (pair) {
      out.push(pair.join(""));
      i++;
    } else out.push(raw[i]);
  }
  return out;
}

const key = (list: readonly string[]) => [...list].sort().join(" ");
const ALIASES = new Map(
  Object.entries(KNOWN_ALIASES).map(([name, libraryName]) => [words(name).join(" "), libraryName.toLowerCase()]),
);

/** The library exercise an imported name stands for, or null when only the athlete can say. */
export function matchExercise(name: string, library: readonly LibraryExercise[]): LibraryExercise | null {
  const byName = new Map(library.map((e) => [e.name.toLowerCase(), e]));
  const exact = byName.get(name.trim().toLowerCase());
  if (exact) return exact;
  const sourceWords = words(name);
  const alias = byName.get(ALIASES.get(sourceWords.join(" ")) ?? "");
  if (alias) return alias;
  const sourceKey = key(sourceWords);
  const equipment = sourceWords.filter((w) => EQUIPMENT_WORDS.has(w));
  const withoutEquipment = key(sourceWords.filter((w) => !EQUIPMENT_WORDS.has(w)));
  const matches = library.filter((exercise) => {
    const libraryKey = key(words(exercise.name));
    if (libraryKey === sourceKey) return true;
    // "Deadlift (Barbell)" is the library's "Deadlift", a barbell exercise.
    return equipment.length === 1 && libraryKey === withoutEquipment && exercise.type === equipment[0];
  });
  return matches.length === 1 ? matches[0] : null;
}
