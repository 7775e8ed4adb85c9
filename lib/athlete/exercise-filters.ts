/**
 * The exercise library's filters as they travel in the URL (?q=&type=&muscle=&equipment=&difficulty=
 * &fits=1&page=), parsed leniently: a bad value is dropped, never an error page.
 */
import { EQUIPMENT_ITEMS, type EquipmentItem, GYM_ONLY_EQUIPMENT } from "@/lib/equipment";
import { type Difficulty, EXERCISE_TYPES, type ExerciseType } from "@/lib/training/types";

export const EQUIPMENT_FILTER_VALUES = ["none", ...EQUIPMENT_ITEMS, ...GYM_ONLY_EQUIPMENT] as const;
export type EquipmentFilter = (typeof EQUIPMENT_FILTER_VALUES)[number];

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { 1: "Beginner", 2: "Intermediate", 3: "Advanced" };

export type ExerciseFilters = {
  q?: string;
  type?: ExerciseType;
  muscleId?: number;
  equipment?: EquipmentFilter;
  difficulty?: Difficulty;
  /** Only exercises the athlete's own equipment allows. */
  fitsMyEquipment: boolean;
  page: number;
};

export const EXERCISES_PER_PAGE = 20;

type SearchParams = Record<string, string | string[] | undefined>;

function first(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

function positiveInt(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

export function parseExerciseFilters(params: SearchParams): ExerciseFilters {
  const type = first(params, "type");
  const equipment = first(params, "equipment");
  const difficulty = positiveInt(first(params, "difficulty"));
  return {
    q: first(params, "q")?.slice(0, 100),
    type: (EXERCISE_TYPES as readonly string[]).includes(type ?? "") ? (type as ExerciseType) : undefined,
    muscleId: positiveInt(first(params, "muscle")),
    equipment: (EQUIPMENT_FILTER_VALUES as readonly string[]).includes(equipment ?? "")
      ? (equipment as EquipmentFilter)
      : undefined,
    difficulty: difficulty === 1 || difficulty === 2 || difficulty === 3 ? difficulty : undefined,
    fitsMyEquipment: first(params, "fits") === "1",
    page: positiveInt(first(params, "page")) ?? 1,
  };
}

/** The query string for these filters with some changed (page resets unless given), for links. */
export function exerciseFiltersQuery(filters: ExerciseFilters, change: Partial<ExerciseFilters> = {}): string {
  const next = { ...filters, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.type) params.set("type", next.type);
  if (next.muscleId) params.set("muscle", String(next.muscleId));
  if (next.equipment) params.set("equipment", next.equipment);
  if (next.difficulty) params.set("difficulty", String(next.difficulty));
  if (next.fitsMyEquipment) params.set("fits", "1");
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function equipmentLabel(item: string, labels: Record<EquipmentItem, string>): string {
  if (item === "none") return "No equipment";
  return (labels as Record<string, string>)[item] ?? item.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
}
