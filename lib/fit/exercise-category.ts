/**
 * An exercise's place in FIT's exercise catalogue: the category (bench press, squat, row...) and, for
 * the library's exercises FIT names exactly, the exercise name within it. Garmin Connect groups sets
 * and counts volume by them; an exercise FIT has no category for is left unset rather than guessed.
 *
 * The names are the FIT profile's own (`Profile.types.benchPressExerciseName` and so on); the test
 * beside this file holds every one of them to the SDK's profile.
 */

/** The FIT exercise categories Ironlog maps to (a subset of FIT's `exercise_category`). */
export type FitExerciseCategory =
  | "benchPress"
  | "calfRaise"
  | "cardio"
  | "carry"
  | "chop"
  | "core"
  | "crunch"
  | "curl"
  | "deadlift"
  | "flye"
  | "hipRaise"
  | "hipSwing"
  | "hyperextension"
  | "lateralRaise"
  | "legCurl"
  | "legRaise"
  | "lunge"
  | "olympicLift"
  | "plank"
  | "pullUp"
  | "pushUp"
  | "row"
  | "shoulderPress"
  | "shrug"
  | "sitUp"
  | "squat"
  | "tricepsExtension";

export type FitExercise = { category: FitExerciseCategory; name?: string };

/** Library exercises FIT names exactly: Ironlog's name → FIT's category and exercise name. */
const EXACT: Readonly<Record<string, FitExercise>> = {
  "Barbell Bench Press": { category: "benchPress", name: "barbellBenchPress" },
  "Close-Grip Bench Press": { category: "benchPress", name: "closeGripBarbellBenchPress" },
  "Dumbbell Bench Press": { category: "benchPress", name: "dumbbellBenchPress" },
  "Incline Barbell Bench Press": { category: "benchPress", name: "inclineBarbellBenchPress" },
  "Incline Dumbbell Press": { category: "benchPress", name: "inclineDumbbellBenchPress" },
  "Barbell Back Squat": { category: "squat", name: "barbellBackSquat" },
  "Barbell Front Squat": { category: "squat", name: "barbellFrontSquat" },
  "Goblet Squat": { category: "squat", name: "gobletSquat" },
  "Pistol Squat": { category: "squat", name: "pistolSquat" },
  "Leg Press": { category: "squat", name: "legPress" },
  "Dumbbell Step-Up": { category: "squat", name: "stepUp" },
  "Dumbbell Bulgarian Split Squat": { category: "lunge", name: "dumbbellBulgarianSplitSquat" },
  Deadlift: { category: "deadlift", name: "barbellDeadlift" },
  "Romanian Deadlift": { category: "deadlift", name: "romanianDeadlift" },
  "Sumo Deadlift": { category: "deadlift", name: "sumoDeadlift" },
  "Kettlebell Deadlift": { category: "deadlift", name: "kettlebellDeadlift" },
  "Good Morning": { category: "legCurl", name: "goodMorning" },
  "One-Arm Dumbbell Row": { category: "row", name: "oneArmBentOverRow" },
  "Barbell Bent-Over Row": { category: "row", name: "bentOverRowWithBarbell" },
  "Seated Cable Row": { category: "row", name: "seatedCableRow" },
  "Inverted Row": { category: "row", name: "invertedRow" },
  "Cable Face Pull": { category: "row", name: "facePull" },
  "Kettlebell Row": { category: "row", name: "kettlebellRow" },
  "Barbell Curl": { category: "curl", name: "barbellBicepsCurl" },
  "Dumbbell Curl": { category: "curl", name: "dumbbellBicepsCurl" },
  "Incline Dumbbell Curl": { category: "curl", name: "inclineDumbbellBicepsCurl" },
  "Hammer Curl": { category: "curl", name: "dumbbellHammerCurl" },
  "Cable Curl": { category: "curl", name: "cableBicepsCurl" },
  Plank: { category: "plank", name: "plank" },
  "Side Plank": { category: "plank", name: "sidePlank" },
  "Mountain Climber": { category: "plank", name: "mountainClimber" },
  "Overhead Press": { category: "shoulderPress", name: "overheadBarbellPress" },
  "Dumbbell Shoulder Press": { category: "shoulderPress", name: "dumbbellShoulderPress" },
  "Arnold Press": { category: "shoulderPress", name: "arnoldPress" },
  "Pull-Up": { category: "pullUp", name: "pullUp" },
  "Chin-Up": { category: "pullUp", name: "chinUp" },
  "Lat Pulldown": { category: "pullUp", name: "latPulldown" },
  "Push-Up": { category: "pushUp", name: "pushUp" },
  "Incline Push-Up": { category: "pushUp", name: "inclinePushUp" },
  "Decline Push-Up": { category: "pushUp", name: "declinePushUp" },
  "Diamond Push-Up": { category: "pushUp", name: "diamondPushUp" },
  "Pike Push-Up": { category: "pushUp", name: "pikePushUp" },
  "Handstand Push-Up": { category: "pushUp", name: "handstandPushUp" },
  "Barbell Shrug": { category: "shrug", name: "barbellShrug" },
  "Dumbbell Shrug": { category: "shrug", name: "dumbbellShrug" },
  "Dumbbell Fly": { category: "flye", name: "dumbbellFlye" },
  "Barbell Hip Thrust": { category: "hipRaise", name: "barbellHipThrustWithBench" },
  "Kettlebell Swing": { category: "hipSwing" },
  "Hanging Leg Raise": { category: "legRaise", name: "hangingLegRaise" },
  "Hanging Knee Raise": { category: "legRaise", name: "hangingKneeRaise" },
  Crunch: { category: "crunch", name: "crunch" },
  "Bicycle Crunch": { category: "crunch", name: "bicycleCrunch" },
  "Toes-to-Bar": { category: "crunch", name: "toesToBar" },
  "Turkish Get-Up": { category: "core", name: "turkishGetUp" },
  "L-Sit": { category: "core", name: "lSit" },
  "Bench Dip": { category: "tricepsExtension", name: "benchDip" },
  "Barbell Reverse Lunge": { category: "lunge", name: "barbellReverseLunge" },
  "Dumbbell Walking Lunge": { category: "lunge", name: "walkingLunge" },
  "Power Clean": { category: "olympicLift", name: "barbellPowerClean" },
  "Farmer's Carry": { category: "carry", name: "farmersCarry" },
  "Jump Rope": { category: "cardio", name: "jumpRope" },
};

/**
 * Words that place any other exercise (a custom one, a variation) in a category, tried in order: the
 * more specific first, so "Romanian Deadlift" is a deadlift before "Split Squat" is a lunge, and a
 * "Bench Dip" is a triceps exercise, not a bench press.
 */
const BY_WORDS: readonly (readonly [RegExp, FitExerciseCategory])[] = [
  [/calf raise/, "calfRaise"],
  [/hip thrust|glute bridge|hip raise/, "hipRaise"],
  [/swing/, "hipSwing"],
  [/deadlift|rdl\b/, "deadlift"],
  [/good morning|leg curl|hamstring curl/, "legCurl"],
  [/split squat|lunge|step-?up/, "lunge"],
  [/squat|leg press/, "squat"],
  [/bench press|chest press|floor press/, "benchPress"],
  [/push-?up/, "pushUp"],
  [/pull-?up|chin-?up|pulldown/, "pullUp"],
  [/\brow\b|face pull/, "row"],
  [/triceps|skull ?crusher|pushdown|\bdip\b/, "tricepsExtension"],
  [/curl/, "curl"],
  [/overhead press|shoulder press|military press|arnold press|push press/, "shoulderPress"],
  [/lateral raise/, "lateralRaise"],
  [/\bfly\b|flye|crossover/, "flye"],
  [/shrug/, "shrug"],
  [/plank|mountain climber/, "plank"],
  [/crunch|toes-?to-?bar/, "crunch"],
  [/sit-?up/, "sitUp"],
  [/leg raise|knee raise/, "legRaise"],
  [/clean|snatch|jerk/, "olympicLift"],
  [/carry|farmer/, "carry"],
  [/woodchop|chop/, "chop"],
  [/back extension|hyperextension|superman/, "hyperextension"],
  [/jump rope|double-under|skip/, "cardio"],
  [/rollout|dead bug|hollow|pallof|get-?up|l-sit/, "core"],
];

/** The FIT category (and exact FIT name, when it has one) of an exercise, or null when FIT has none. */
export function fitExerciseFor(exerciseName: string): FitExercise | null {
  const exact = EXACT[exerciseName];
  if (exact) return exact;
  const name = exerciseName.toLowerCase();
  const match = BY_WORDS.find(([words]) => words.test(name));
  return match ? { category: match[1] } : null;
}

/** Every exact name in the table, for the test that holds them to the SDK's profile. */
export const EXACT_FIT_EXERCISES: readonly FitExercise[] = Object.values(EXACT);
