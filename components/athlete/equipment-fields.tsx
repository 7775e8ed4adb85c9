"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/field";
import {
  EQUIPMENT_CHOICE_LABELS,
  EQUIPMENT_CHOICES,
  EQUIPMENT_ITEM_LABELS,
  EQUIPMENT_ITEMS,
  type EquipmentChoice,
} from "@/lib/equipment";

const CHOICE_HINTS: Record<EquipmentChoice, string> = {
  no_equipment: "Bodyweight only: a floor, a wall, a chair.",
  basic_equipment: "A few pieces at home: tell us which.",
  full_gym: "Barbells, racks, dumbbells and machines.",
};

/**
 * The equipment question: ONE choice, and for basic equipment the items owned. The checklist is
 * revealed when basic equipment is chosen; its error is tied to the group with aria-describedby.
 * The inputs are uncontrolled with defaults that follow the state: React resets a form after its
 * action returns, and the reset then restores what the athlete had chosen.
 */
export function EquipmentFields({
  defaultEquipment,
  defaultItems,
  errors,
}: {
  defaultEquipment: EquipmentChoice | null;
  defaultItems: readonly string[];
  errors?: { equipment?: string[]; items?: string[] };
}) {
  const [choice, setChoice] = useState<EquipmentChoice | null>(defaultEquipment);
  const [items, setItems] = useState<Set<string>>(new Set(defaultItems));
  return (
    <div className="space-y-5">
      <fieldset aria-describedby={errors?.equipment?.length ? "equipment-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">What do you train with?</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {EQUIPMENT_CHOICES.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer flex-col rounded-lg p-3 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
            >
              <span className="flex items-center gap-2 font-semibold text-slate-900">
                <input
                  type="radio"
                  name="equipment"
                  value={value}
                  defaultChecked={choice === value}
                  onChange={() => setChoice(value)}
                  required
                  className="h-4 w-4 accent-brand-600"
                />
                {EQUIPMENT_CHOICE_LABELS[value]}
              </span>
              <span className="mt-1 text-sm text-slate-600">{CHOICE_HINTS[value]}</span>
            </label>
          ))}
        </div>
        <FieldError id="equipment-error" errors={errors?.equipment} />
      </fieldset>

      {choice === "basic_equipment" ? (
        <fieldset aria-describedby={`items-hint${errors?.items?.length ? " items-error" : ""}`} data-field="items">
          <legend className="text-sm font-medium text-slate-800">Which items do you have?</legend>
          <p id="items-hint" className="text-sm text-slate-500">
            Tick everything you own; your program only uses these.
          </p>
          <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
            {EQUIPMENT_ITEMS.map((item) => (
              <label
                key={item}
                className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-3 py-2 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
              >
                <input
                  type="checkbox"
                  name="items"
                  value={item}
                  defaultChecked={items.has(item)}
                  onChange={(e) => {
                    const next = new Set(items);
                    if (e.target.checked) next.add(item);
                    else next.delete(item);
                    setItems(next);
                  }}
                  className="h-4 w-4 accent-brand-600"
                />
                {EQUIPMENT_ITEM_LABELS[item]}
              </label>
            ))}
          </div>
          <FieldError id="items-error" errors={errors?.items} />
        </fieldset>
      ) : null}
    </div>
  );
}
