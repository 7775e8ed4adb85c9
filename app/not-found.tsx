import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-600">It may have been deleted, or the link is mistyped.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Go home
      </Link>
    </div>
  );
}
