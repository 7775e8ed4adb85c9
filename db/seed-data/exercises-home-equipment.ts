/**
 * Library exercises for the home equipment onboarding offers beyond barbells and dumbbells (see
 * EQUIPMENT_ITEMS in lib/equipment.ts): kettlebells, resistance bands, a pull-up bar, a jump rope, a
 * dip station, an ab wheel, and a squat rack without its barbell. With ./exercises.ts, every item is
 * needed by at least six exercises (db/seed-data/coverage.test.ts holds it). Ratings follow the
 * conventions in ./exercises.ts. A band's anchor (a door anchor, a post) is a household prop: said in
 * the notes, not listed as equipment.
 */
import { exercise as e, type SeedExercise } from "./seed-exercise";

const KETTLEBELL: SeedExercise[] = [
  e("Kettlebell Swing", "kettlebell", 2, ["kettlebells"], "Hike the bell back between your thighs, then snap the hips forward; the arms only guide it to chest height.", {
    "Gluteus maximus": 90,
    Hamstrings: 80,
    "Erector spinae": 65,
    "Forearm flexors": 45,
    "Rectus abdominis": 35,
  }),
  e("Kettlebell Goblet Squat", "kettlebell", 1, ["kettlebells"], "Hold the bell by the horns at your chest, elbows inside the knees at the bottom, chest tall.", {
    Quadriceps: 85,
    "Gluteus maximus": 65,
    Adductors: 50,
    "Rectus abdominis": 35,
  }),
  e("Kettlebell Deadlift", "kettlebell", 1, ["kettlebells"], "Bell between the feet, hips back, flat back; stand up by pushing the floor away.", {
    "Gluteus maximus": 80,
    Hamstrings: 70,
    "Erector spinae": 65,
    Quadriceps: 50,
    "Forearm flexors": 45,
  }),
  e("Kettlebell Overhead Press", "kettlebell", 2, ["kettlebells"], "From the rack position, press straight up with the forearm vertical; ribs down, glutes tight.", {
    "Anterior deltoid": 85,
    "Triceps brachii": 60,
    "Lateral deltoid": 55,
    Trapezius: 40,
    Obliques: 35,
  }),
  e("Kettlebell Row", "kettlebell", 1, ["kettlebells"], "Hinge with one hand on a chair or your knee, pull the bell to your hip, shoulder blade back.", {
    "Latissimus dorsi": 80,
    Rhomboids: 70,
    "Biceps brachii": 55,
    "Posterior deltoid": 50,
    Trapezius: 45,
  }),
  e("Kettlebell Reverse Lunge", "kettlebell", 2, ["kettlebells"], "Bells in the rack or at your sides; step back, drop the back knee under the hip, drive up through the front heel.", {
    Quadriceps: 80,
    "Gluteus maximus": 75,
    "Gluteus medius": 45,
    Adductors: 40,
    Hamstrings: 35,
  }),
  e("Kettlebell Clean", "kettlebell", 2, ["kettlebells"], "Swing the bell back, then pull it close to the body so it rolls onto the forearm in the rack without banging.", {
    "Gluteus maximus": 80,
    Hamstrings: 70,
    Trapezius: 60,
    "Erector spinae": 55,
    "Forearm flexors": 50,
  }),
  e("Kettlebell Snatch", "kettlebell", 3, ["kettlebells"], "One arm: swing, then punch through at the top so the bell lands softly overhead with a straight arm.", {
    "Gluteus maximus": 85,
    Hamstrings: 70,
    "Anterior deltoid": 60,
    Trapezius: 60,
    "Erector spinae": 55,
  }),
  e("Turkish Get-Up", "kettlebell", 3, ["kettlebells"], "Bell locked out over the shoulder, eyes on it; roll to the elbow, hand, bridge, sweep the leg and stand, then reverse.", {
    Obliques: 75,
    "Anterior deltoid": 70,
    "Rectus abdominis": 60,
    "Gluteus maximus": 55,
    "Lateral deltoid": 45,
  }),
  e("Kettlebell Suitcase Carry", "kettlebell", 1, ["kettlebells"], "One bell at your side, walk tall without leaning toward it; switch hands each length.", {
    Obliques: 80,
    "Forearm flexors": 75,
    Trapezius: 60,
    "Gluteus medius": 45,
  }, "distance"),
];

const RESISTANCE_BAND: SeedExercise[] = [
  e("Band Pull-Apart", "band", 1, ["resistance_bands"], "Arms straight at shoulder height, pull the band apart to your chest by squeezing the shoulder blades.", {
    "Posterior deltoid": 80,
    Rhomboids: 70,
    Trapezius: 60,
  }, "reps"),
  e("Banded Row", "band", 1, ["resistance_bands"], "Band anchored at chest height (a door anchor or a post); pull the handles to your ribs, elbows close.", {
    Rhomboids: 80,
    "Latissimus dorsi": 75,
    "Biceps brachii": 55,
    "Posterior deltoid": 50,
  }, "reps"),
  e("Band Face Pull", "band", 1, ["resistance_bands"], "Band anchored at face height; pull toward your forehead, hands apart, ending in a double-biceps pose.", {
    "Posterior deltoid": 85,
    Trapezius: 65,
    Rhomboids: 60,
  }, "reps"),
  e("Band Chest Press", "band", 1, ["resistance_bands"], "Band around your back or anchored behind you; press forward until the arms are straight, then return slowly.", {
    "Pectoralis major": 75,
    "Anterior deltoid": 55,
    "Triceps brachii": 50,
  }, "reps"),
  e("Band Overhead Press", "band", 1, ["resistance_bands"], "Stand on the band, handles at the shoulders; press overhead without arching the lower back.", {
    "Anterior deltoid": 80,
    "Triceps brachii": 55,
    "Lateral deltoid": 50,
    Trapezius: 35,
  }, "reps"),
  e("Band Lat Pulldown", "band", 1, ["resistance_bands"], "Band anchored high (the top of a door); kneel and pull the handles down to your shoulders, chest up.", {
    "Latissimus dorsi": 80,
    "Biceps brachii": 55,
    Rhomboids: 50,
    "Posterior deltoid": 35,
  }, "reps"),
  e("Band Biceps Curl", "band", 1, ["resistance_bands"], "Stand on the band, elbows pinned to your sides; curl up and lower against the band's pull.", {
    "Biceps brachii": 85,
    Brachialis: 60,
    "Forearm flexors": 40,
  }, "reps"),
  e("Band Triceps Pushdown", "band", 1, ["resistance_bands"], "Band anchored high; elbows at your sides, push down until the arms are straight, spread the hands at the bottom.", {
    "Triceps brachii": 85,
    "Anterior deltoid": 20,
  }, "reps"),
  e("Band Squat", "band", 1, ["resistance_bands"], "Stand on the band with the handles at your shoulders; squat deep and stand against the band's pull.", {
    Quadriceps: 75,
    "Gluteus maximus": 60,
    Adductors: 40,
  }, "reps"),
  e("Band Good Morning", "band", 1, ["resistance_bands"], "Stand on the band, loop it behind your neck; hinge at the hips with a flat back and stand tall.", {
    Hamstrings: 75,
    "Gluteus maximus": 65,
    "Erector spinae": 60,
  }, "reps"),
  e("Band Lateral Walk", "band", 1, ["resistance_bands"], "Mini band above the knees, half squat; step sideways without letting the knees cave in.", {
    "Gluteus medius": 85,
    "Gluteus maximus": 50,
    Quadriceps: 30,
  }, "reps"),
  e("Band Pallof Press", "band", 1, ["resistance_bands"], "Band anchored at chest height to your side; press the hands straight out and resist the twist.", {
    Obliques: 80,
    "Rectus abdominis": 55,
    "Gluteus medius": 30,
  }, "reps"),
  e("Band Lateral Raise", "band", 1, ["resistance_bands"], "Stand on the band; raise the arms out to the sides to shoulder height, elbows soft.", {
    "Lateral deltoid": 80,
    Trapezius: 45,
    "Anterior deltoid": 35,
  }, "reps"),
];

const PULL_UP_BAR: SeedExercise[] = [
  e("Dead Hang", "bodyweight", 1, ["pull_up_bar"], "Hang from the bar with straight arms and shoulders engaged; breathe and hold.", {
    "Forearm flexors": 85,
    "Latissimus dorsi": 50,
    Trapezius: 40,
  }, "time"),
  e("Scapular Pull-Up", "bodyweight", 1, ["pull_up_bar"], "From a dead hang, pull the shoulder blades down and together without bending the elbows.", {
    Trapezius: 75,
    "Latissimus dorsi": 65,
    Rhomboids: 60,
    "Forearm flexors": 50,
  }),
  e("Negative Pull-Up", "bodyweight", 1, ["pull_up_bar"], "Jump or step to the top with the chin over the bar, then lower yourself over three to five seconds.", {
    "Latissimus dorsi": 85,
    "Biceps brachii": 65,
    Rhomboids: 55,
    "Forearm flexors": 50,
  }),
  e("Hanging Knee Raise", "bodyweight", 1, ["pull_up_bar"], "Hang still, curl the knees toward the chest and lower under control; no swinging.", {
    "Hip flexors": 80,
    "Rectus abdominis": 75,
    Obliques: 50,
    "Forearm flexors": 45,
  }),
  e("Toes-to-Bar", "bodyweight", 3, ["pull_up_bar"], "Hang, press the bar down with straight arms and lift your toes to touch it; lower slowly.", {
    "Rectus abdominis": 90,
    "Hip flexors": 85,
    "Latissimus dorsi": 50,
    Obliques: 60,
    "Forearm flexors": 50,
  }),
  e("Wide-Grip Pull-Up", "bodyweight", 3, ["pull_up_bar"], "Hands well outside the shoulders; pull the chest toward the bar, elbows driving down.", {
    "Latissimus dorsi": 95,
    Rhomboids: 60,
    "Biceps brachii": 55,
    Trapezius: 50,
    "Forearm flexors": 50,
  }),
];

const JUMP_ROPE: SeedExercise[] = [
  e("Alternate-Foot Jump Rope", "bodyweight", 1, ["jump_rope"], "Jog in place over the rope, one foot at a time, landing softly on the balls of the feet.", {
    Calves: 75,
    Quadriceps: 40,
    "Hip flexors": 35,
    "Forearm flexors": 30,
  }, "time"),
  e("Boxer Skip", "bodyweight", 1, ["jump_rope"], "Shift your weight from foot to foot with each turn of the rope, staying light and low.", {
    Calves: 75,
    Quadriceps: 35,
    "Forearm flexors": 30,
  }, "time"),
  e("High-Knee Jump Rope", "bodyweight", 2, ["jump_rope"], "Drive each knee to hip height as the rope passes under; keep the turns quick.", {
    Calves: 75,
    "Hip flexors": 70,
    Quadriceps: 55,
    "Rectus abdominis": 40,
  }, "time"),
  e("Single-Leg Jump Rope", "bodyweight", 2, ["jump_rope"], "Skip on one foot for the set, then the other; small hops on the ball of the foot.", {
    Calves: 85,
    Quadriceps: 45,
    "Gluteus medius": 35,
  }, "time"),
  e("Criss-Cross Jump Rope", "bodyweight", 2, ["jump_rope"], "Cross your arms on every other jump so the rope makes a loop, then uncross.", {
    Calves: 75,
    "Anterior deltoid": 40,
    Quadriceps: 35,
    "Forearm flexors": 35,
  }, "time"),
  e("Double-Under", "bodyweight", 3, ["jump_rope"], "Jump a little higher and spin the rope twice under your feet on each jump, wrists doing the work.", {
    Calves: 90,
    Quadriceps: 50,
    "Forearm flexors": 40,
    "Anterior deltoid": 35,
  }, "reps"),
];

const DIP_STATION: SeedExercise[] = [
  e("Negative Dip", "bodyweight", 1, ["dip_station"], "Start at the top with straight arms, lower yourself over three to five seconds, step back up.", {
    "Triceps brachii": 75,
    "Pectoralis major": 65,
    "Anterior deltoid": 55,
  }),
  e("Dip Station Knee Raise", "bodyweight", 1, ["dip_station"], "Support yourself on straight arms, back against the pad or free; lift the knees to the chest.", {
    "Rectus abdominis": 75,
    "Hip flexors": 75,
    Obliques: 45,
    "Triceps brachii": 30,
  }),
  e("Dip Station Leg Raise", "bodyweight", 2, ["dip_station"], "On straight arms, raise straight legs to hip height by tilting the pelvis; lower slowly.", {
    "Hip flexors": 85,
    "Rectus abdominis": 80,
    Obliques: 50,
    "Triceps brachii": 30,
  }),
  e("L-Sit", "bodyweight", 3, ["dip_station"], "Press down on the bars, lift straight legs to hip height and hold with the shoulders pushed down.", {
    "Rectus abdominis": 85,
    "Hip flexors": 85,
    "Triceps brachii": 55,
    Quadriceps: 45,
  }, "time"),
  e("Dip Bar Inverted Row", "bodyweight", 2, ["dip_station"], "Lie under the parallel bars, grip them and pull your chest between them; body straight.", {
    Rhomboids: 75,
    "Latissimus dorsi": 70,
    "Biceps brachii": 55,
    "Posterior deltoid": 50,
  }),
  e("Korean Dip", "bodyweight", 3, ["dip_station"], "Behind a single bar, hands on it behind your hips; lower until the bar is at your lower back and press up.", {
    "Anterior deltoid": 80,
    "Triceps brachii": 75,
    "Pectoralis major": 60,
  }),
];

const AB_WHEEL: SeedExercise[] = [
  e("Ab Wheel Half Rollout", "bodyweight", 1, ["ab_wheel"], "From the knees, roll out only halfway, keeping the hips tucked, then pull back.", {
    "Rectus abdominis": 75,
    Obliques: 50,
    "Latissimus dorsi": 35,
  }),
  e("Ab Wheel Oblique Rollout", "bodyweight", 2, ["ab_wheel"], "From the knees, roll out diagonally to one side and back, then to the other.", {
    Obliques: 85,
    "Rectus abdominis": 75,
    "Latissimus dorsi": 40,
  }),
  e("Ab Wheel Knee Tuck", "bodyweight", 2, ["ab_wheel"], "Feet on the wheel's handles in a push-up position; pull the knees to the chest and push them back.", {
    "Rectus abdominis": 80,
    "Hip flexors": 70,
    Obliques: 50,
    "Anterior deltoid": 40,
  }),
  e("Ab Wheel Pike", "bodyweight", 3, ["ab_wheel"], "Feet on the handles, legs straight; lift the hips high by pulling the wheel toward your hands.", {
    "Rectus abdominis": 85,
    "Hip flexors": 70,
    "Anterior deltoid": 50,
    Obliques: 50,
  }),
  e("Single-Arm Ab Wheel Rollout", "bodyweight", 3, ["ab_wheel"], "From the knees with one hand on the wheel; roll out a short way resisting the twist, then back.", {
    Obliques: 85,
    "Rectus abdominis": 85,
    "Latissimus dorsi": 45,
  }),
  e("Standing Ab Wheel Rollout", "bodyweight", 3, ["ab_wheel"], "From standing, roll out until your body is nearly flat, then pull back without the hips sagging.", {
    "Rectus abdominis": 95,
    "Latissimus dorsi": 55,
    Obliques: 65,
    "Hip flexors": 45,
  }),
];

// Racks without their barbell: the safety arms and the uprights are the apparatus.
const SQUAT_RACK: SeedExercise[] = [
  e("Safety-Arm Inverted Row", "bodyweight", 1, ["squat_rack"], "Set the safety arms at hip height, hang under them and row your chest up; lower them to make it harder.", {
    Rhomboids: 75,
    "Latissimus dorsi": 70,
    "Biceps brachii": 55,
    "Posterior deltoid": 50,
  }),
  e("Rack Incline Push-Up", "bodyweight", 1, ["squat_rack"], "Hands on the safety arms; body straight, lower the chest to the bar. Lower the arms to progress.", {
    "Pectoralis major": 70,
    "Triceps brachii": 55,
    "Anterior deltoid": 50,
  }),
  e("Rack-Assisted Pistol Squat", "bodyweight", 2, ["squat_rack"], "Hold an upright and squat on one leg with the other straight out; use the arm only as much as needed.", {
    Quadriceps: 80,
    "Gluteus maximus": 65,
    "Gluteus medius": 45,
    Adductors: 35,
  }),
];

// A bench alone, no weights.
const BENCH: SeedExercise[] = [
  e("Bench Step-Up", "bodyweight", 1, ["bench"], "Whole foot on the bench, drive up through that heel without pushing off the back foot; lower slowly.", {
    Quadriceps: 75,
    "Gluteus maximus": 70,
    "Gluteus medius": 45,
    Hamstrings: 30,
  }),
  e("Single-Leg Hip Thrust", "bodyweight", 2, ["bench"], "Upper back on the bench edge, one foot planted; drive the hips up until the body is flat, chin tucked.", {
    "Gluteus maximus": 85,
    Hamstrings: 55,
    "Gluteus medius": 50,
    Quadriceps: 30,
  }),
];

const CARRIES: SeedExercise[] = [
  e("Farmer's Carry", "dumbbell", 1, ["dumbbells"], "Heavy dumbbells at your sides, shoulders back, short quick steps; log the distance and the weight in each hand.", {
    "Forearm flexors": 85,
    Trapezius: 75,
    Obliques: 55,
    "Rectus abdominis": 40,
    "Gluteus medius": 35,
  }, "distance"),
];

export const HOME_EQUIPMENT_EXERCISES: readonly SeedExercise[] = [
  ...KETTLEBELL,
  ...RESISTANCE_BAND,
  ...PULL_UP_BAR,
  ...JUMP_ROPE,
  ...DIP_STATION,
  ...AB_WHEEL,
  ...SQUAT_RACK,
  ...BENCH,
  ...CARRIES,
];
