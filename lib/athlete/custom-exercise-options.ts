/** The custom-exercise form's choices, apart from its zod schema so the form's client bundle does not carry zod. */
import { EQUIPMENT_ITEMS, GYM_ONLY_EQUIPMENT } from "@/lib/equipment";

export const CUSTOM_EXERCISE_MUSCLE_ROWS = 3;
export const CUSTOM_EXERCISE_EQUIPMENT = [...EQUIPMENT_ITEMS, ...GYM_ONLY_EQUIPMENT] as const;
