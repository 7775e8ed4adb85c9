import { Link } from "@/components/ui/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-bold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-slate-600">
        This area is for Ironlog admins. If you think you should have access, ask an admin to change your role.
      </p>
      <Link href="/dashboard" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Back to your training
      </Link>
    </div>
  );
}
