ALTER TABLE "migration_run_items" DROP CONSTRAINT "migration_run_items_run_id_migration_runs_id_fk";
--> statement-breakpoint
DROP INDEX "migration_run_items_run_email_idx";--> statement-breakpoint
DROP INDEX "migration_run_items_run_status_idx";--> statement-breakpoint
CREATE INDEX "migration_run_items_run_status_idx" ON "migration_run_items" USING btree ("run_id","status","row_id");