/**
 * The kinds of personal record and their names, apart from the rules that detect them (./records), so a
 * page that only shows a record's name (the logger's PR badge) does not carry the rules.
 */
export const RECORD_KINDS = [
  "heaviest_weight",
  "best_estimated_one_rep_max",
  "best_set_volume",
  "longest_hold",
  "longest_distance",
  "best_pace",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_LABELS: Record<RecordKind, string> = {
  heaviest_weight: "Heaviest weight",
  best_estimated_one_rep_max: "Best estimated 1RM",
  best_set_volume: "Best set volume",
  longest_hold: "Longest hold",
  longest_distance: "Longest distance",
  best_pace: "Best pace",
};
