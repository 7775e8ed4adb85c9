import { Link } from "@/components/ui/link";

/**
 * The workout the server had in progress when it rendered the page, its start and sets written by the
 * server ("Sat 9 Nov, 18:30", "3 sets") in the athlete's zone: the phone builds no date formatter for it.
 */
export type InProgressWorkout = { id: number; name: string; started: string; sets: string };

/**
 * Shown instead of starting a second workout while one is in progress, as the log's "Start" does
 * online: an athlete has one workout in progress at a time. Starting anyway stays possible (the page may
 * be the device's copy, kept when last online, and that workout finished since): the server then saves
 * the new one beside it, as finished.
 */
export function InProgressOffer({ workout, onStartAnyway }: { workout: InProgressWorkout; onStartAnyway: () => void }) {
  return (
    <section
      aria-labelledby="in-progress-title"
      data-testid="in-progress-offer"
      className="mx-auto max-w-3xl rounded-lg border border-amber-200 bg-amber-50 p-4"
    >
      <h1 id="in-progress-title" className="text-lg font-semibold text-amber-950">
        You already have a workout in progress
      </h1>
      <p className="mt-1 text-sm text-amber-900">
        {workout.name}, started {workout.started} · {workout.sets} logged. Resume it, or finish or discard it on{" "}
        <Link href="/log" className="font-semibold underline underline-offset-2">
          the log
        </Link>{" "}
        before starting another.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Link
          href={`/log/${workout.id}`}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Resume {workout.name}
        </Link>
        <button
          type="button"
          onClick={onStartAnyway}
          className="text-sm font-semibold text-amber-950 underline underline-offset-2"
        >
          Start a new one anyway
        </button>
      </div>
      <p className="mt-2 text-xs text-amber-900">A new one is saved beside it, as finished.</p>
    </section>
  );
}
