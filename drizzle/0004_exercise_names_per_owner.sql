ALTER TABLE "exercises" DROP CONSTRAINT "exercises_name_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_library_name_idx" ON "exercises" USING btree (lower("name")) WHERE "exercises"."created_by" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_owner_name_idx" ON "exercises" USING btree ("created_by",lower("name")) WHERE "exercises"."created_by" IS NOT NULL;