import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { ROLES } from "../../lib/auth/roles";
import { WEIGHT_UNITS } from "../../lib/training/units";
import type { PlateSetup } from "../../lib/training/plates";

export const userRole = pgEnum("user_role", ROLES);
export const weightUnit = pgEnum("weight_unit", WEIGHT_UNITS);

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    // Stored lower-case so sign-in is case-insensitive; the CHECK keeps plain-SQL inserts honest too.
    email: text("email").notNull().unique(),
    name: text("name"),
    // NULL for accounts imported from other systems that never set a password here.
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("athlete"),
    weightUnit: weightUnit("weight_unit").notNull().default("kg"),
    // The bar and plates the logger's plate calculator loads with (lib/athlete/plate-setup); NULL: the standard ones.
    plateSetup: jsonb("plate_setup").$type<PlateSetup>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_email_lower_case", sql`${t.email} = lower(${t.email})`),
    // "Contains" search on email and name (admin users list), and the role filter with keyset paging.
    index("users_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`),
    index("users_name_trgm_idx").using("gin", sql`lower(coalesce(${t.name}, '')) gin_trgm_ops`),
    index("users_role_id_idx").on(t.role, t.id),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
