import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionButton } from "@/components/athlete/action-button";
import { plural } from "@/components/athlete/format";
import { NameForm } from "@/components/athlete/split-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { athletePage } from "@/server/athlete-page";
import { createSplitAction, deleteSplitAction, moveSplitAction } from "./actions";
import { listSplits } from "@/server/queries/splits";

export const metadata: Metadata = { title: "Splits" };

export default async function SplitsPage() {
  const { user, db } = await athletePage("/splits");
  const all = await listSplits(db, user.id);
  const custom = all.filter((s) => s.source === "custom");
  const program = all.find((s) => s.source === "generated");

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title="Splits" description="Your own weekly plans: days, exercises, and the sets × reps you aim for." />
      {program ? (
        <p className="rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-700 ring-1 ring-brand-100">
          Your generated program lives under{" "}
          <Link href="/program" className="font-semibold underline">
            Program
          </Link>
          . Copy it from there to make an editable split.
        </p>
      ) : null}
      <Card title="New split">
        <NameForm action={createSplitAction} label="Name" placeholder="e.g. Push / Pull / Legs" submitLabel="Create split" />
      </Card>
      {custom.length === 0 ? (
        <EmptyState title="No splits of your own yet">Create one above, or copy your generated program and adjust it.</EmptyState>
      ) : (
        <ol className="space-y-3">
          {custom.map((split, index) => (
            <li
              key={split.id}
              className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
            >
              <div className="min-w-0 flex-1">
                <Link href={`/splits/${split.id}`} className="font-semibold text-slate-900 hover:text-brand-700 hover:underline">
                  {split.name}
                </Link>
                <p className="text-sm text-slate-600">
                  {plural(split.dayCount, "day")} · {plural(split.exerciseCount, "exercise")}
                </p>
              </div>
              <div className="flex items-center gap-1">
                <ActionButton
                  action={moveSplitAction}
                  fields={{ splitId: split.id, direction: "up" }}
                  variant="ghost"
                  label={`Move ${split.name} up`}
                  className={index === 0 ? "invisible" : ""}
                >
                  ↑
                </ActionButton>
                <ActionButton
                  action={moveSplitAction}
                  fields={{ splitId: split.id, direction: "down" }}
                  variant="ghost"
                  label={`Move ${split.name} down`}
                  className={index === custom.length - 1 ? "invisible" : ""}
                >
                  ↓
                </ActionButton>
                <ActionButton
                  action={deleteSplitAction}
                  fields={{ splitId: split.id }}
                  variant="ghost"
                  confirm={`Delete “${split.name}”? Logged sessions are kept.`}
                  className="text-red-700"
                >
                  Delete
                </ActionButton>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
