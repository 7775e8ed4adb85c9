import { isEquipmentChoice } from "@/lib/equipment";

/** Where a user's onboarding assessment stands, as the admin users list shows it. */
export type AssessmentStatus = "none" | "current" | "needs_reassessment" | "legacy_format" | "invalid";

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  none: "Not taken",
  current: "Up to date",
  needs_reassessment: "Needs re-assessment",
  legacy_format: "Legacy format",
  invalid: "Invalid answer",
};

/** A flagged user must re-assess whatever the value; otherwise the equipment value's format decides. */
export function assessmentStatus(assessment: { equipment: unknown; needsReassessment: boolean } | null): AssessmentStatus {
  if (!assessment) return "none";
  if (assessment.needsReassessment) return "needs_reassessment";
  if (Array.isArray(assessment.equipment)) return "legacy_format";
  return isEquipmentChoice(assessment.equipment) ? "current" : "invalid";
}
