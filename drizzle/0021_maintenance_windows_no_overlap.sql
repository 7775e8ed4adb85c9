-- Two maintenance windows at once would put two banners with different times in front of every user.
-- The app refuses an overlapping window before it inserts one, but two admins scheduling at the same
-- moment could both pass that check: the database refuses the second. Only windows not ended count
-- (an ended or cancelled window frees its time), and back to back is no overlap ('[)' ranges).
-- A range on its own needs no extension: GiST indexes tstzrange in core PostgreSQL and in PGlite.
--
-- Windows that already overlap (scheduled by such a race before this) would stop the constraint from
-- being added: of each overlapping pair the one scheduled first is kept, the later one is ended now
-- (cancelled, if it had not begun) with a message saying why.
UPDATE "maintenance_notices" AS later
SET "ended_at" = LEAST(now(), later."ends_at"),
	"completion_message" = 'Called off: it overlapped another maintenance window, which is kept.',
	"ended_by" = 'schema migration (overlapping windows)'
WHERE later."ended_at" IS NULL
	AND EXISTS (
		SELECT 1 FROM "maintenance_notices" AS earlier
		WHERE earlier."ended_at" IS NULL
			AND earlier."id" < later."id"
			AND tstzrange(earlier."starts_at", earlier."ends_at") && tstzrange(later."starts_at", later."ends_at")
	);--> statement-breakpoint
ALTER TABLE "maintenance_notices" ADD CONSTRAINT "maintenance_notices_no_overlap"
	EXCLUDE USING gist (tstzrange("starts_at", "ends_at") WITH &&) WHERE ("ended_at" IS NULL);
