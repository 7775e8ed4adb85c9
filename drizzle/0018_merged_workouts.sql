ALTER TABLE "session_exercises" ADD COLUMN "merged_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "workout_sessions" ADD COLUMN "merged_uids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "workout_sessions_merged_uids_idx" ON "workout_sessions" USING gin ("merged_uids");