import type { Metadata } from "next";
import { getDb } from "@/server/db";
import { listUsers } from "@/server/queries/admin-users";
import { requireAdmin } from "@/server/auth/session";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { AssessmentStatusBadge, Badge } from "@/components/admin/badges";
import { Pager } from "@/components/admin/pager";
import { idParam, param, type SearchParams } from "@/lib/search-params";
import { RoleChangeForm } from "./role-form";
import { TableScroll } from "@/components/admin/table-scroll";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin("/admin/users");
  const params = await searchParams;
  const search = param(params, "q");
  const roleParam = param(params, "role");
  const role = roleParam === "admin" || roleParam === "athlete" ? roleParam : undefined;
  const after = idParam(params, "after");
  const page = await listUsers(await getDb(), { search, role, after, limit: 50 });

  return (
    <div>
      <PageHeader title="Users" description="Everyone with an account, their role and where their assessment stands." />
      <form role="search" aria-label="Users" className="mb-4 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <TextField label="Search email or name" name="q" type="search" defaultValue={search} placeholder="e.g. member012" />
        <SelectField label="Role" name="role" defaultValue={role ?? ""}>
          <option value="">All roles</option>
          <option value="admin">Admins</option>
          <option value="athlete">Athletes</option>
        </SelectField>
        <button type="submit" className={buttonClasses("primary")}>
          Search users
        </button>
      </form>

      {page.users.length === 0 ? (
        <EmptyState title={search || role ? "No user matches" : "No users yet"}>
          {search || role ? "Try part of the email, or clear the filters." : "Accounts appear here as people sign up."}
        </EmptyState>
      ) : (
        <TableScroll label="Users table">
          <table className="card-table min-w-full text-left text-sm">
            <caption className="sr-only">Users</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Email
                </th>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Assessment
                </th>
                <th scope="col" className="px-3 py-2">
                  Joined
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Change role</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.users.map((user) => (
                <tr key={user.id}>
                  <td data-label="Email" className="min-w-48 px-3 py-2 font-medium [overflow-wrap:anywhere]">
                    <Link href={`/admin/users/${user.id}`} className="text-brand-700 underline underline-offset-2">
                      {user.email}
                    </Link>
                    {user.id === admin.id ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
                  </td>
                  <td data-label="Name" className="px-3 py-2">
                    {user.name ?? <span className="text-slate-400">—</span>}
                  </td>
                  <td data-label="Role" className="px-3 py-2">
                    <Badge tone={user.role === "admin" ? "blue" : "grey"}>{user.role === "admin" ? "Admin" : "Athlete"}</Badge>
                  </td>
                  <td data-label="Assessment" className="px-3 py-2">
                    <AssessmentStatusBadge status={user.assessmentStatus} />
                  </td>
                  <td data-label="Joined" className="px-3 py-2 whitespace-nowrap text-slate-600">
                    <time dateTime={user.createdAt.toISOString()}>{user.createdAt.toISOString().slice(0, 10)}</time>
                  </td>
                  <td className="px-3 py-2 text-right">
                    <RoleChangeForm userId={user.id} email={user.email} role={user.role} isSelf={user.id === admin.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager basePath="/admin/users" params={{ q: search, role }} next={page.next} isFirstPage={!after} label="User pages" />
    </div>
  );
}
