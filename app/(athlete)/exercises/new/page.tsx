import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { listMuscles } from "@/server/queries/exercises";
import { athletePage } from "@/server/athlete-page";
import { CustomExerciseForm } from "./custom-exercise-form";

export const metadata: Metadata = { title: "Add an exercise" };

export default async function NewExercisePage() {
  const { db } = await athletePage("/exercises/new");
  const muscles = await listMuscles(db);
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href="/exercises" className="text-slate-600 hover:underline">
          ← Exercises
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Add your own exercise</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Private to you. Rate the muscles it works so it counts towards your weekly volume.
      </p>
      <Card>
        <CustomExerciseForm muscles={muscles.map((m) => ({ id: m.id, name: m.name, region: m.region }))} />
      </Card>
    </div>
  );
}
