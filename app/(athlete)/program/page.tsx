import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionButton } from "@/components/athlete/action-button";
import { EquipmentBadges } from "@/components/athlete/equipment-badges";
import { Notice } from "@/components/athlete/notice";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { asStringList } from "@/server/queries/exercises";
import { programAnswersFromAssessment } from "@/lib/athlete/assessment";
import { formatTargets } from "@/lib/athlete/split-input";
import { EQUIPMENT_CHOICE_LABELS, EQUIPMENT_ITEM_LABELS } from "@/lib/equipment";
import { startSessionAction } from "@/app/(athlete)/log/actions";
import { athletePage } from "@/server/athlete-page";
import { copyProgramAction, regenerateProgramAction } from "./actions";
import { getGeneratedProgram } from "@/server/queries/splits";
import { previewProgram } from "@/server/queries/program";
import { deviceStartHref } from "@/lib/athlete/device-start";

export const metadata: Metadata = { title: "Your program" };

export default async function ProgramPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { user, db } = await athletePage("/program");
  const [params, assessment, program] = await Promise.all([
    searchParams,
    getAssessmentForUser(user.id),
    getGeneratedProgram(db, user.id),
  ]);

  if (!assessment) {
    return (
      <div>
        <PageHeader title="Your program" />
        <EmptyState title="No program yet" action={<ButtonLink href="/onboarding">Take the assessment</ButtonLink>}>
          Answer five quick questions about your training and equipment, and Ironlog builds a program that fits.
        </EmptyState>
      </div>
    );
  }
  const answers = programAnswersFromAssessment(assessment);
  if (!program) {
    return (
      <div>
        <PageHeader title="Your program" />
        <EmptyState
          title="Your program has not been built yet"
          action={
            <ActionButton action={regenerateProgramAction} variant="primary">
              Build my program
            </ActionButton>
          }
        >
          We have your assessment; build the program from it now.
        </EmptyState>
      </div>
    );
  }
  // The program's notes (rest days, slots the equipment cannot fill) come from the same rules that built it.
  const { notes } = await previewProgram(db, answers);
  const equipmentSummary =
    answers.equipment === "basic_equipment"
      ? answers.items.map((i) => EQUIPMENT_ITEM_LABELS[i]).join(", ")
      : EQUIPMENT_CHOICE_LABELS[answers.equipment];

  return (
    <div>
      {params.welcome ? <Notice>Your program is ready. Start with day one whenever you like.</Notice> : null}
      {params.reassessed ? <Notice>Thanks! Your equipment is updated and your program was rebuilt to match.</Notice> : null}
      {params.regenerated === "same" ? (
        <Notice>
          Rebuilt from your answers: it came out the same, as the same answers always give the same program. Change your answers
          on the profile for a different one.
        </Notice>
      ) : params.regenerated === "changed" ? (
        <Notice>Rebuilt from your current answers: the program below is the new one.</Notice>
      ) : null}
      <PageHeader
        title="Your program"
        description={
          <>
            {program.name}. Built for your equipment: <strong>{equipmentSummary}</strong>.{" "}
            <Link href="/profile" className="font-semibold text-brand-700 hover:underline">
              Change answers
            </Link>
          </>
        }
        actions={
          <>
            <ActionButton
              action={regenerateProgramAction}
              pendingLabel="Rebuilding…"
              confirm="Rebuild your program from your current answers?"
            >
              Regenerate
            </ActionButton>
            <ActionButton action={copyProgramAction} pendingLabel="Copying…">
              Copy into my splits
            </ActionButton>
          </>
        }
      />
      {notes.length ? (
        <ul className="mb-6 space-y-1 rounded-md bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {program.days.map((day, index) => (
          <Card
            key={day.id}
            title={
              <>
                <span className="mr-2 text-sm font-medium text-slate-500">Day {index + 1}</span>
                {day.name}
              </>
            }
            actions={
              <ActionButton
                action={startSessionAction}
                fields={{ splitDayId: day.id }}
                offlineHref={deviceStartHref(day.id)}
                variant="primary"
                pendingLabel="Starting…"
                label={`Start ${day.name}`}
              >
                Start
              </ActionButton>
            }
          >
            <ol className="divide-y divide-slate-100">
              {day.exercises.map((e) => (
                <li key={e.id} className="py-3">
                  <div className="flex items-baseline justify-between gap-3">
                    <Link
                      href={`/exercises/${e.exerciseId}`}
                      className="font-semibold text-slate-900 hover:text-brand-700 hover:underline"
                    >
                      {e.exerciseName}
                    </Link>
                    <span
                      className="shrink-0 font-mono text-sm font-semibold text-slate-800"
                      aria-label={`${e.targetSets} sets of ${e.targetRepsMin} to ${e.targetRepsMax} ${e.measure === "time" ? "seconds" : e.measure === "distance" || e.measure === "distance_time" ? "metres" : "reps"}`}
                    >
                      {formatTargets(e)}
                    </span>
                  </div>
                  {e.note ? (
                    <p className="mt-1 text-sm text-slate-600">
                      <span className="font-medium text-slate-700">Why this exercise: </span>
                      {e.note}
                    </p>
                  ) : null}
                  <div className="mt-1">
                    <EquipmentBadges items={asStringList(e.equipmentRequired)} />
                  </div>
                </li>
              ))}
            </ol>
          </Card>
        ))}
      </div>
    </div>
  );
}
