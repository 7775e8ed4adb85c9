ALTER TABLE "session_sets" DROP CONSTRAINT "session_sets_zero_reps_missed";--> statement-breakpoint
ALTER TABLE "exercises" ALTER COLUMN "type" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "measure" text DEFAULT 'reps_load' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_exercises" ADD COLUMN "superset_group" smallint;--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "set_type" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "duration_seconds" integer;--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "distance_m" numeric(9, 2);--> statement-breakpoint
ALTER TABLE "split_day_exercises" ADD COLUMN "superset_group" smallint;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_type_known" CHECK ("exercises"."type" IN ('barbell', 'dumbbell', 'bodyweight', 'kettlebell', 'band', 'cable', 'machine'));--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_measure_known" CHECK ("exercises"."measure" IN ('reps', 'reps_load', 'time', 'distance', 'distance_time'));--> statement-breakpoint
ALTER TABLE "session_exercises" ADD CONSTRAINT "session_exercises_superset_range" CHECK ("session_exercises"."superset_group" IS NULL OR "session_exercises"."superset_group" BETWEEN 1 AND 100);--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_records_something" CHECK ("session_sets"."reps" > 0 OR "session_sets"."missed" OR coalesce("session_sets"."duration_seconds", 0) > 0 OR coalesce("session_sets"."distance_m", 0) > 0);--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_type_known" CHECK ("session_sets"."set_type" IN ('normal', 'warmup', 'drop', 'failure'));--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_duration_range" CHECK ("session_sets"."duration_seconds" IS NULL OR "session_sets"."duration_seconds" BETWEEN 0 AND 86400);--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_distance_range" CHECK ("session_sets"."distance_m" IS NULL OR "session_sets"."distance_m" BETWEEN 0 AND 1000000);--> statement-breakpoint
ALTER TABLE "split_day_exercises" ADD CONSTRAINT "split_day_exercises_superset_range" CHECK ("split_day_exercises"."superset_group" IS NULL OR "split_day_exercises"."superset_group" BETWEEN 1 AND 100);--> statement-breakpoint
DROP TYPE "public"."exercise_type";