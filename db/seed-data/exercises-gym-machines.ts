/**
 * Library exercises for the gym machines the app names (GYM_ONLY_EQUIPMENT in lib/equipment.ts): the
 * cable machine, the leg press, the lat pulldown and the Smith machine, at least six each. Cable
 * exercises have the type `cable`; the three plate-loaded or stack machines have `machine`. Ratings
 * follow the conventions in ./exercises.ts.
 */
import { exercise as e, type SeedExercise } from "./seed-exercise";

const CABLE: SeedExercise[] = [
  e(
    "Seated Cable Row",
    "cable",
    1,
    ["cable_machine"],
    "Sit tall, pull the handle to your lower ribs, squeeze the shoulder blades, and let the arms stretch forward.",
    {
      Rhomboids: 80,
      "Latissimus dorsi": 80,
      "Biceps brachii": 55,
      "Posterior deltoid": 50,
      Trapezius: 45,
    },
  ),
  e(
    "Cable Crossover",
    "cable",
    2,
    ["cable_machine"],
    "Pulleys high, a slight bend in the elbows; bring the hands together in front of your hips in an arc.",
    {
      "Pectoralis major": 85,
      "Anterior deltoid": 50,
      "Biceps brachii": 20,
    },
  ),
  e(
    "Cable Triceps Pushdown",
    "cable",
    1,
    ["cable_machine"],
    "Elbows pinned at your sides, push the bar or rope down until the arms lock, then let it rise slowly.",
    {
      "Triceps brachii": 90,
      "Anterior deltoid": 20,
    },
  ),
  e(
    "Cable Curl",
    "cable",
    1,
    ["cable_machine"],
    "Low pulley, elbows at your sides; curl the bar up without the shoulders rolling forward.",
    {
      "Biceps brachii": 85,
      Brachialis: 60,
      "Forearm flexors": 45,
    },
  ),
  e(
    "Cable Face Pull",
    "cable",
    1,
    ["cable_machine"],
    "Rope at face height; pull it toward your forehead, hands apart, elbows high.",
    {
      "Posterior deltoid": 85,
      Trapezius: 65,
      Rhomboids: 60,
    },
  ),
  e(
    "Cable Lateral Raise",
    "cable",
    1,
    ["cable_machine"],
    "Low pulley across the body; raise the arm out to the side to shoulder height, elbow soft.",
    {
      "Lateral deltoid": 85,
      Trapezius: 40,
      "Anterior deltoid": 35,
    },
  ),
  e(
    "Cable Pull-Through",
    "cable",
    1,
    ["cable_machine"],
    "Rope on a low pulley between your legs; hinge back, then drive the hips through to stand tall.",
    {
      "Gluteus maximus": 85,
      Hamstrings: 70,
      "Erector spinae": 50,
    },
  ),
  e(
    "Cable Woodchop",
    "cable",
    1,
    ["cable_machine"],
    "High pulley to the side; pull the handle diagonally across your body to the opposite hip, turning from the trunk.",
    {
      Obliques: 85,
      "Rectus abdominis": 55,
      "Anterior deltoid": 35,
    },
  ),
  e(
    "Cable Crunch",
    "cable",
    1,
    ["cable_machine"],
    "Kneel under a high pulley with the rope by your head; curl the ribs toward the hips, hips still.",
    {
      "Rectus abdominis": 85,
      Obliques: 55,
    },
  ),
  e(
    "Cable Overhead Triceps Extension",
    "cable",
    1,
    ["cable_machine"],
    "Face away from a low pulley, rope behind the head; extend the arms overhead, elbows pointing forward.",
    {
      "Triceps brachii": 90,
      "Anterior deltoid": 20,
    },
  ),
];

const LEG_PRESS: SeedExercise[] = [
  e(
    "Leg Press",
    "machine",
    1,
    ["leg_press"],
    "Feet shoulder-width in the middle of the platform; lower until the knees reach 90 degrees without the hips lifting.",
    {
      Quadriceps: 85,
      "Gluteus maximus": 65,
      Adductors: 45,
      Hamstrings: 25,
    },
  ),
  e(
    "Single-Leg Leg Press",
    "machine",
    2,
    ["leg_press"],
    "One foot in the middle of the platform; lower under control and press without twisting the hips.",
    {
      Quadriceps: 85,
      "Gluteus maximus": 70,
      "Gluteus medius": 45,
      Adductors: 35,
    },
  ),
  e(
    "Wide-Stance Leg Press",
    "machine",
    1,
    ["leg_press"],
    "Feet wide and turned out on the platform; knees track over the toes as you lower.",
    {
      Quadriceps: 75,
      "Gluteus maximus": 75,
      Adductors: 65,
    },
  ),
  e(
    "Close-Stance Leg Press",
    "machine",
    1,
    ["leg_press"],
    "Feet close together low on the platform; lower deep while the heels stay down.",
    {
      Quadriceps: 90,
      "Gluteus maximus": 50,
      Adductors: 30,
    },
  ),
  e(
    "High-Foot Leg Press",
    "machine",
    1,
    ["leg_press"],
    "Feet high on the platform; push through the heels, feeling it in the glutes and hamstrings.",
    {
      "Gluteus maximus": 80,
      Quadriceps: 65,
      Hamstrings: 60,
    },
  ),
  e(
    "Leg Press Calf Raise",
    "machine",
    1,
    ["leg_press"],
    "Balls of the feet on the platform's bottom edge, knees straight; press with the toes and stretch back.",
    {
      Calves: 85,
    },
  ),
];

const LAT_PULLDOWN: SeedExercise[] = [
  e(
    "Lat Pulldown",
    "machine",
    1,
    ["lat_pulldown_machine"],
    "Hands a little wider than the shoulders; pull the bar to your upper chest, elbows driving down.",
    {
      "Latissimus dorsi": 85,
      "Biceps brachii": 60,
      Rhomboids: 55,
      Trapezius: 45,
      "Posterior deltoid": 35,
    },
  ),
  e(
    "Close-Grip Lat Pulldown",
    "machine",
    1,
    ["lat_pulldown_machine"],
    "V-handle, neutral grip; lean back slightly and pull the handle to your chest.",
    {
      "Latissimus dorsi": 85,
      "Biceps brachii": 65,
      Rhomboids: 55,
      Brachialis: 40,
    },
  ),
  e(
    "Reverse-Grip Lat Pulldown",
    "machine",
    1,
    ["lat_pulldown_machine"],
    "Palms facing you, shoulder-width; pull to the upper chest with the elbows close.",
    {
      "Latissimus dorsi": 80,
      "Biceps brachii": 75,
      Rhomboids: 50,
      Brachialis: 45,
    },
  ),
  e(
    "Single-Arm Lat Pulldown",
    "machine",
    2,
    ["lat_pulldown_machine"],
    "One handle; pull the elbow down to your side without turning the torso.",
    {
      "Latissimus dorsi": 85,
      "Biceps brachii": 55,
      Rhomboids: 50,
      Obliques: 30,
    },
  ),
  e(
    "Straight-Arm Pulldown",
    "machine",
    1,
    ["lat_pulldown_machine"],
    "Stand facing the machine, arms straight; sweep the bar down to your thighs with the lats.",
    {
      "Latissimus dorsi": 85,
      "Triceps brachii": 40,
      "Posterior deltoid": 35,
      "Rectus abdominis": 30,
    },
  ),
  e(
    "Lat Machine Triceps Pushdown",
    "machine",
    1,
    ["lat_pulldown_machine"],
    "Stand at the lat machine's high pulley; elbows at your sides, push the bar down to your thighs.",
    {
      "Triceps brachii": 85,
      "Anterior deltoid": 20,
    },
  ),
];

const SMITH: SeedExercise[] = [
  e(
    "Smith Machine Squat",
    "machine",
    1,
    ["smith_machine"],
    "Feet slightly in front of the bar; sit down until the thighs are parallel and stand up through the mid-foot.",
    {
      Quadriceps: 85,
      "Gluteus maximus": 70,
      Adductors: 50,
      "Erector spinae": 35,
    },
  ),
  e(
    "Smith Machine Bench Press",
    "machine",
    1,
    ["smith_machine", "bench"],
    "Bench placed so the bar meets your mid-chest; lower under control and press up.",
    {
      "Pectoralis major": 85,
      "Triceps brachii": 65,
      "Anterior deltoid": 60,
    },
  ),
  e(
    "Smith Machine Incline Press",
    "machine",
    1,
    ["smith_machine", "bench"],
    "Bench at 30-45 degrees under the bar; lower to the upper chest and press.",
    {
      "Pectoralis major": 80,
      "Anterior deltoid": 70,
      "Triceps brachii": 60,
    },
  ),
  e(
    "Smith Machine Overhead Press",
    "machine",
    1,
    ["smith_machine"],
    "Standing or seated under the bar, press from the chin to overhead, the head moving back, then through.",
    {
      "Anterior deltoid": 85,
      "Triceps brachii": 65,
      "Lateral deltoid": 55,
      Trapezius: 40,
    },
  ),
  e(
    "Smith Machine Romanian Deadlift",
    "machine",
    1,
    ["smith_machine"],
    "Soft knees, hips back until the hamstrings stretch, the bar sliding down your thighs.",
    {
      Hamstrings: 80,
      "Gluteus maximus": 75,
      "Erector spinae": 60,
      "Forearm flexors": 40,
    },
  ),
  e(
    "Smith Machine Split Squat",
    "machine",
    1,
    ["smith_machine"],
    "One foot forward, one back under the bar; lower the back knee toward the floor, torso upright.",
    {
      Quadriceps: 80,
      "Gluteus maximus": 70,
      "Gluteus medius": 45,
      Adductors: 40,
    },
  ),
  e(
    "Smith Machine Calf Raise",
    "machine",
    1,
    ["smith_machine"],
    "Bar across the upper back, balls of the feet on a plate; rise high and lower into a stretch.",
    {
      Calves: 85,
    },
  ),
  e(
    "Smith Machine Inverted Row",
    "machine",
    1,
    ["smith_machine"],
    "Lock the bar at hip height, hang under it and pull your chest to it, body straight.",
    {
      Rhomboids: 75,
      "Latissimus dorsi": 70,
      "Biceps brachii": 55,
      "Posterior deltoid": 50,
    },
  ),
];

export const GYM_MACHINE_EXERCISES: readonly SeedExercise[] = [...CABLE, ...LEG_PRESS, ...LAT_PULLDOWN, ...SMITH];
