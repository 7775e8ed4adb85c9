CREATE TABLE "history_import_exercises" (
	"import_id" integer NOT NULL,
	"exercise_id" integer NOT NULL,
	CONSTRAINT "history_import_exercises_import_id_exercise_id_pk" PRIMARY KEY("import_id","exercise_id")
);
--> statement-breakpoint
ALTER TABLE "history_imports" ADD COLUMN "undo_exercises_removed" integer;--> statement-breakpoint
ALTER TABLE "history_import_exercises" ADD CONSTRAINT "history_import_exercises_import_id_history_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."history_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_import_exercises" ADD CONSTRAINT "history_import_exercises_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "history_import_exercises_exercise_idx" ON "history_import_exercises" USING btree ("exercise_id");