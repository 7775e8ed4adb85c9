import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { EquipmentBadges } from "@/components/athlete/equipment-badges";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { listExercises, listMuscles } from "@/server/queries/exercises";
import { equipmentPrefill } from "@/lib/athlete/assessment";
import {
  DIFFICULTY_LABELS,
  EQUIPMENT_FILTER_VALUES,
  equipmentLabel,
  exerciseFiltersQuery,
  parseExerciseFilters,
} from "@/lib/athlete/exercise-filters";
import { EQUIPMENT_ITEM_LABELS } from "@/lib/equipment";
import { EXERCISE_TYPES } from "@/lib/training/types";
import { athletePage } from "@/server/athlete-page";
import { OFFSCREEN_LIST_ITEM } from "@/components/ui/list";

export const metadata: Metadata = { title: "Exercises" };

const selectClass =
  "mt-1 block w-full rounded-md border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

export default async function ExercisesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, db } = await athletePage("/exercises");
  const filters = parseExerciseFilters(await searchParams);
  const [assessment, muscles] = await Promise.all([getAssessmentForUser(user.id), listMuscles(db)]);
  const prefill = equipmentPrefill(assessment?.equipment, assessment?.equipmentItems);
  const owned = prefill.equipment ? { equipment: prefill.equipment, items: prefill.items } : null;
  const result = await listExercises(db, user.id, filters, owned);
  const filtered = Boolean(
    filters.q || filters.type || filters.muscleId || filters.equipment || filters.difficulty || filters.fitsMyEquipment,
  );

  return (
    <div>
      <PageHeader
        title="Exercises"
        description="The built-in library and your own exercises, with the muscles each one works."
        actions={<ButtonLink href="/exercises/new">Add your own exercise</ButtonLink>}
      />
      <form
        method="get"
        role="search"
        className="mb-6 grid grid-cols-2 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:grid-cols-6"
      >
        <div className="col-span-2">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="e.g. press, squat"
            className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <div>
          <label htmlFor="type" className="block text-sm font-medium text-slate-800">
            Type
          </label>
          <select id="type" name="type" defaultValue={filters.type ?? ""} className={selectClass}>
            <option value="">Any</option>
            {EXERCISE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t[0].toUpperCase() + t.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="muscle" className="block text-sm font-medium text-slate-800">
            Muscle
          </label>
          <select
            id="muscle"
            name="muscle"
            defaultValue={filters.muscleId ? String(filters.muscleId) : ""}
            className={selectClass}
          >
            <option value="">Any</option>
            {muscles.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="equipment" className="block text-sm font-medium text-slate-800">
            Equipment
          </label>
          <select id="equipment" name="equipment" defaultValue={filters.equipment ?? ""} className={selectClass}>
            <option value="">Any</option>
            {EQUIPMENT_FILTER_VALUES.map((e) => (
              <option key={e} value={e}>
                {equipmentLabel(e, EQUIPMENT_ITEM_LABELS)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="difficulty" className="block text-sm font-medium text-slate-800">
            Difficulty
          </label>
          <select
            id="difficulty"
            name="difficulty"
            defaultValue={filters.difficulty ? String(filters.difficulty) : ""}
            className={selectClass}
          >
            <option value="">Any</option>
            {([1, 2, 3] as const).map((d) => (
              <option key={d} value={d}>
                {DIFFICULTY_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        <div className="col-span-2 flex flex-wrap items-center gap-4 lg:col-span-6">
          {owned ? (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="fits"
                value="1"
                defaultChecked={filters.fitsMyEquipment}
                className="h-4 w-4 accent-brand-600"
              />
              Only what my equipment allows
            </label>
          ) : null}
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Apply filters
          </button>
          {filtered ? (
            <Link href="/exercises" className="text-sm font-semibold text-slate-600 hover:underline">
              Clear
            </Link>
          ) : null}
          <p className="ml-auto text-sm text-slate-600" role="status">
            {result.total} exercise{result.total === 1 ? "" : "s"}
          </p>
        </div>
      </form>

      {result.items.length === 0 ? (
        <EmptyState
          title="No exercise matches these filters"
          action={
            <ButtonLink href="/exercises" variant="secondary">
              Clear the filters
            </ButtonLink>
          }
        >
          Try fewer filters, or add the exercise you are looking for as your own.
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {result.items.map((e) => (
            <li key={e.id} className={OFFSCREEN_LIST_ITEM}>
              <Link
                href={`/exercises/${e.id}`}
                className="flex h-full flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className="font-semibold text-slate-900">{e.name}</span>
                  {e.custom ? (
                    <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs font-semibold text-brand-700">Yours</span>
                  ) : null}
                </span>
                <span className="text-sm text-slate-600">
                  {e.type[0].toUpperCase() + e.type.slice(1)}
                  {e.difficulty ? ` · ${DIFFICULTY_LABELS[e.difficulty as 1 | 2 | 3]}` : ""}
                  {e.primaryMuscle ? ` · ${e.primaryMuscle}` : ""}
                </span>
                <EquipmentBadges items={e.equipmentRequired} />
              </Link>
            </li>
          ))}
        </ul>
      )}

      {result.pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
          {result.page > 1 ? (
            <Link
              href={`/exercises${exerciseFiltersQuery(filters, { page: result.page - 1 })}`}
              className="font-semibold text-brand-700 hover:underline"
            >
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? (
            <Link
              href={`/exercises${exerciseFiltersQuery(filters, { page: result.page + 1 })}`}
              className="font-semibold text-brand-700 hover:underline"
            >
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
