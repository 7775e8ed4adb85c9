CREATE TYPE "public"."session_item_kind" AS ENUM('set', 'exercise');--> statement-breakpoint
CREATE TABLE "session_exercises" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"exercise_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"target_sets" smallint,
	"target_reps_min" smallint,
	"target_reps_max" smallint,
	"note" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"field_times" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_tombstones" (
	"session_id" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" "session_item_kind" NOT NULL,
	"revision" integer NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_tombstones_session_id_item_id_pk" PRIMARY KEY("session_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "uid" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "exercise_slot_id" uuid;--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "missed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "session_sets" ADD COLUMN "field_times" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "workout_sessions" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workout_sessions" ADD COLUMN "field_times" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "session_exercises" ADD CONSTRAINT "session_exercises_session_id_workout_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workout_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_exercises" ADD CONSTRAINT "session_exercises_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_tombstones" ADD CONSTRAINT "session_tombstones_session_id_workout_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workout_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_exercises_session_idx" ON "session_exercises" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "session_exercises_exercise_idx" ON "session_exercises" USING btree ("exercise_id");--> statement-breakpoint
-- Hand-written (issue 13): existing data gets identities before the constraints that need them.
-- One in progress per athlete: every in-progress session but the latest of each athlete is
-- finished (its sets kept, nothing deleted), stamped at its last logged set, and the count said.
DO $$
DECLARE finished_count integer;
BEGIN
  WITH ranked AS (
    SELECT w.id, row_number() OVER (PARTITION BY w.user_id ORDER BY w.started_at DESC, w.id DESC) AS rank
    FROM workout_sessions w WHERE w.finished_at IS NULL
  )
  UPDATE workout_sessions w
  SET finished_at = greatest(w.started_at, coalesce((SELECT max(s.created_at) FROM session_sets s WHERE s.session_id = w.id), w.started_at)),
      updated_at = now()
  FROM ranked r WHERE r.id = w.id AND r.rank > 1;
  GET DIAGNOSTICS finished_count = ROW_COUNT;
  RAISE NOTICE 'session_identity: finished % in-progress session(s) that were not the latest of their athlete', finished_count;
END $$;--> statement-breakpoint
-- One exercise slot per exercise logged in a session, in the order its first set was logged, with
-- the plan's targets when the session came from a split day; the id is derived from the session and
-- exercise (the import of a format-1 dump derives the same one).
INSERT INTO "session_exercises" ("id", "session_id", "exercise_id", "position", "target_sets", "target_reps_min", "target_reps_max", "note", "created_at")
SELECT md5(g.session_id || ':' || g.exercise_id)::uuid, g.session_id, g.exercise_id,
       (row_number() OVER (PARTITION BY g.session_id ORDER BY g.first_position, g.exercise_id) - 1)::int,
       p.target_sets, p.target_reps_min, p.target_reps_max, p.note, g.created_at
FROM (
  SELECT s.session_id, s.exercise_id, min(s.position) AS first_position, min(s.created_at) AS created_at
  FROM session_sets s GROUP BY s.session_id, s.exercise_id
) g
JOIN workout_sessions w ON w.id = g.session_id
LEFT JOIN LATERAL (
  SELECT x.target_sets, x.target_reps_min, x.target_reps_max, x.note FROM split_day_exercises x
  WHERE x.split_day_id = w.split_day_id AND x.exercise_id = g.exercise_id ORDER BY x.position, x.id LIMIT 1
) p ON true;--> statement-breakpoint
-- A workout still in progress shows its plan on every device: the planned exercises not logged yet.
INSERT INTO "session_exercises" ("id", "session_id", "exercise_id", "position", "target_sets", "target_reps_min", "target_reps_max", "note")
SELECT md5(w.id || ':' || x.exercise_id)::uuid, w.id, x.exercise_id,
       (coalesce((SELECT max(e.position) + 1 FROM session_exercises e WHERE e.session_id = w.id), 0)
         + row_number() OVER (PARTITION BY w.id ORDER BY x.position, x.id) - 1)::int,
       x.target_sets, x.target_reps_min, x.target_reps_max, x.note
FROM workout_sessions w
JOIN split_day_exercises x ON x.split_day_id = w.split_day_id
WHERE w.finished_at IS NULL
ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
UPDATE "session_sets" s SET
  "exercise_slot_id" = md5(s.session_id || ':' || s.exercise_id)::uuid,
  "position" = r.slot_position,
  -- A zero-rep set could only have been a missed attempt (or an empty field stored as 0): it is
  -- kept, marked missed, rather than deleted.
  "missed" = (s.reps = 0)
FROM (
  SELECT id, (row_number() OVER (PARTITION BY session_id, exercise_id ORDER BY position, id) - 1)::int AS slot_position
  FROM session_sets
) r WHERE r.id = s.id;--> statement-breakpoint
ALTER TABLE "session_sets" ALTER COLUMN "exercise_slot_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_exercise_slot_id_session_exercises_id_fk" FOREIGN KEY ("exercise_slot_id") REFERENCES "public"."session_exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_sets_slot_idx" ON "session_sets" USING btree ("exercise_slot_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "workout_sessions_one_in_progress" ON "workout_sessions" USING btree ("user_id") WHERE "workout_sessions"."finished_at" IS NULL;--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_uid_unique" UNIQUE("uid");--> statement-breakpoint
ALTER TABLE "session_sets" ADD CONSTRAINT "session_sets_zero_reps_missed" CHECK ("session_sets"."reps" > 0 OR "session_sets"."missed");