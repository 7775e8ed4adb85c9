ALTER TABLE "session_sets" DROP CONSTRAINT "session_sets_records_something";--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_records_something" CHECK ("session_sets"."reps" > 0 OR "session_sets"."missed" OR coalesce("session_sets"."duration_seconds", 0) > 0 OR coalesce("session_sets"."distance_m", 0) > 0 OR "session_sets"."weight_kg" > 0);--> statement-breakpoint
-- A set's field times are keyed by the set's value names (lib/training/set): weight → weightKg, distance → distanceM.
UPDATE "session_sets" SET "field_times" = ("field_times" - 'weight' - 'distance')
  || CASE WHEN "field_times" ? 'weight' THEN jsonb_build_object('weightKg', "field_times"->'weight') ELSE '{}'::jsonb END
  || CASE WHEN "field_times" ? 'distance' THEN jsonb_build_object('distanceM', "field_times"->'distance') ELSE '{}'::jsonb END
  WHERE "field_times" ?| array['weight', 'distance'];
