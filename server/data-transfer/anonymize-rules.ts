/**
 * What an anonymized copy (`data:export --anonymize`) does with each table of db/schema, in one list
 * beside the dump's table list (tables.ts). A table is dropped (its rows are not in the copy), or
 * its columns are kept or replaced one by one. Every column holding text or JSON names its rule here;
 * numbers, times, flags and enums are training data and kept. `anonymize-rules.test.ts` fails when a
 * table, or a text or JSON column, of the schema has no rule, so a new one is a decision, not a leak.
 *
 * The copy keeps what a rehearsal needs: every id, training number, assessment answer and migration
 * record, and the shape of names the data migrations read (their legacy decorations), so a migration
 * preview on the copy counts what it counts on the original.
 */
import "server-only";
import { ANONYMIZED_TEXT, type ColumnRule, rules } from "./anonymize-columns";

export type TableRule = { drop: string } | { columns: Record<string, ColumnRule> };

const { keep, omit, userEmail, userName, actor, scrubEmails, replaceText, dropText } = rules;

export const ANONYMIZE_RULES: Record<string, TableRule> = {
  users: {
    columns: { email: userEmail, name: userName, password_hash: omit, plate_setup: keep },
  },
  assessments: {
    // The answers a migration reads stay; sport is the one answer typed freely.
    columns: { sport: replaceText("Sport"), equipment: keep, equipment_items: keep, reassessment_reason: scrubEmails },
  },
  muscles: { columns: { name: keep, region: keep } },
  exercises: {
    columns: {
      name: rules.exerciseName,
      type: keep,
      equipment_required: keep,
      notes: rules.customExerciseNotes,
      measure: keep,
    },
  },
  exercise_muscles: { columns: {} },
  splits: { columns: { name: rules.splitName } },
  split_days: { columns: { name: rules.dayName } },
  split_day_exercises: { columns: { note: dropText } },
  history_imports: { columns: { file_name: rules.importFileName, format: keep } },
  history_import_exercises: { columns: {} },
  workout_sessions: { columns: { name: replaceText("Workout"), notes: dropText, field_times: keep } },
  session_exercises: { columns: { note: dropText, field_times: keep } },
  session_sets: { columns: { notes: dropText, set_type: keep, field_times: keep } },
  session_tombstones: { columns: {} },
  migration_runs: {
    columns: {
      migration_id: keep,
      started_by: actor,
      error: replaceText(ANONYMIZED_TEXT),
      source_fingerprint: keep,
      verification: scrubEmails,
      instance: keep,
      cancelled_by: actor,
    },
  },
  migration_run_items: {
    columns: {
      user_email: actor,
      before: rules.migrationValues,
      after: rules.migrationValues,
      reason: rules.migrationReason,
    },
  },
  migration_row_fixes: {
    columns: { migration_id: keep, before: rules.migrationValues, after: rules.migrationValues, fixed_by: actor },
  },
  migration_settings: { columns: { migration_id: keep, updated_by: actor } },
  // Who asked and who approved stay (as pseudonyms) for a rehearsal of the approval; their notes are
  // free text that may name anyone.
  migration_approvals: {
    columns: {
      migration_id: keep,
      fingerprint: keep,
      status: keep,
      requested_by: actor,
      request_note: replaceText(ANONYMIZED_TEXT),
      decided_by: actor,
      decision_note: replaceText(ANONYMIZED_TEXT),
    },
  },
  // A notice quotes the athlete's own answer, which may be a name they typed.
  migration_change_notices: { columns: { message: replaceText(ANONYMIZED_TEXT), href: keep } },
  // An admin's announcements to everyone, not anyone's own words; who wrote them is a person.
  maintenance_notices: {
    columns: { message: scrubEmails, completion_message: scrubEmails, created_by: actor, ended_by: actor },
  },
  flagged_user_notices: { columns: { told_by: actor } },

  auth_sessions: { drop: "signed-in devices, with their addresses and browsers" },
  history_import_previews: { drop: "uploaded history files waiting to be confirmed: file names and what they hold" },
  history_import_preview_workouts: { drop: "the workouts of those uploads" },
  rate_limits: { drop: "throttle keys name accounts and addresses" },
  password_reset_tokens: { drop: "reset links, and who issued them for whom" },
  mail_queue: { drop: "outgoing mail: addresses and what was said to them" },
  api_tokens: { drop: "bearer tokens (hashed) and the names athletes gave them" },
  api_idempotency_keys: { drop: "API answers kept for retries: whole workouts, notes and names included" },
  webhook_endpoints: { drop: "athletes' receiver addresses and their sealed signing secrets" },
  webhook_deliveries: { drop: "what was sent to those receivers: whole workouts, notes and names included" },
};

export function tableRule(table: string): TableRule {
  const rule = ANONYMIZE_RULES[table];
  if (!rule) throw new Error(`The anonymized copy has no rule for the table ${table} (server/data-transfer/anonymize-rules.ts)`);
  return rule;
}
