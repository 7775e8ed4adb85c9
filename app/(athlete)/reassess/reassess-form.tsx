"use client";

import { EquipmentFields } from "@/components/athlete/equipment-fields";
import { FormMessage } from "@/components/ui/field";
import { PendingButton } from "@/components/athlete/pending-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import type { EquipmentChoice } from "@/lib/equipment";
import { saveReassessmentAction } from "./actions";

export function ReassessForm({ equipment, items }: { equipment: EquipmentChoice | null; items: string[] }) {
  const { state, dispatch, pending, onSubmit, errors } = useFormAction(saveReassessmentAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-6">
      <FormMessage state={state} />
      <EquipmentFields
        defaultEquipment={equipment}
        defaultItems={items}
        errors={{ equipment: errors?.equipment, items: errors?.items }}
      />
      <PendingButton pending={pending}>Save my equipment</PendingButton>
    </form>
  );
}
