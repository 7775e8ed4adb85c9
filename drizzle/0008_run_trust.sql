CREATE SEQUENCE "public"."assessments_write_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."exercises_write_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."splits_write_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
-- Every statement of any client that writes a migrated table takes a number from that table's
-- sequence (the migration fingerprint reads it), except the migration engine's own statements,
-- which set ironlog.migration_engine for their transaction (SET LOCAL). Statement level: one
-- nextval per statement whatever its row count; a sequence takes no lock, so no writer waits.
CREATE FUNCTION count_table_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('ironlog.migration_engine', true), '') <> 'on' THEN
    PERFORM nextval(TG_ARGV[0]::regclass);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER assessments_count_writes AFTER INSERT OR UPDATE OR DELETE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION count_table_write('assessments_write_seq');--> statement-breakpoint
CREATE TRIGGER assessments_count_truncate AFTER TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION count_table_write('assessments_write_seq');--> statement-breakpoint
CREATE TRIGGER exercises_count_writes AFTER INSERT OR UPDATE OR DELETE ON exercises
  FOR EACH STATEMENT EXECUTE FUNCTION count_table_write('exercises_write_seq');--> statement-breakpoint
CREATE TRIGGER exercises_count_truncate AFTER TRUNCATE ON exercises
  FOR EACH STATEMENT EXECUTE FUNCTION count_table_write('exercises_write_seq');--> statement-breakpoint
CREATE TRIGGER splits_count_writes AFTER INSERT OR UPDATE OR DELETE ON splits
  FOR EACH STATEMENT EXECUTE FUNCTION count_table_write('splits_write_seq');--> statement-breakpoint
CREATE TRIGGER splits_count_truncate AFTER TRUNCATE ON splits
  FOR EACH STATEMENT EXECUTE FUNCTION count_table_write('splits_write_seq');
