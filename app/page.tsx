import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { ButtonLink } from "@/components/ui/button";
import { SignedOut } from "@/components/layout/sign-out-form";

const FEATURES = [
  {
    title: "A program from the equipment you own",
    body: "Tell us whether you train with nothing, a few items at home, or a full gym. Ironlog only plans exercises you can actually do.",
  },
  {
    title: "Log fast, between sets",
    body: "Last session's weights inline, a rest timer that starts when you tick a set, and nothing lost if your phone drops the connection.",
  },
  {
    title: "Volume that knows your muscles",
    body: "Every exercise rates how hard it works each muscle, so your weekly volume counts a set of rows for your lats and your biceps, fairly.",
  },
  {
    title: "Records as they happen",
    body: "Heaviest weight, best estimated one-rep max and best set volume, detected the moment you log the set.",
  },
];

export default async function LandingPage() {
  // Undefined when the session could not be read (the database down): shown the page, but not as signed out.
  const user = await currentUser().catch(() => undefined);
  if (user) redirect(user.role === "admin" ? "/admin" : "/dashboard");
  return (
    <div className="py-6 sm:py-12">
      {user === null ? <SignedOut /> : null}
      <section className="max-w-3xl">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Training log for athletes</p>
        <h1 className="mt-2 text-4xl font-extrabold tracking-tight text-slate-900 sm:text-5xl">
          Log every set. See what it builds.
        </h1>
        <p className="mt-4 text-lg text-slate-700">
          Ironlog turns a two-minute assessment into a program that fits your days and your equipment, then helps you log each
          session set by set and shows your records and progress as they grow.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/sign-up">Create a free account</ButtonLink>
          <ButtonLink href="/sign-in" variant="secondary">
            Sign in
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="features" className="mt-14">
        <h2 id="features" className="sr-only">
          Features
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {FEATURES.map((f) => (
            <li key={f.title} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <h3 className="font-semibold text-slate-900">{f.title}</h3>
              <p className="mt-2 text-sm text-slate-600">{f.body}</p>
            </li>
          ))}
        </ul>
      </section>
      <p className="mt-10 text-sm text-slate-500">
        Trying the demo? Sign in as <code>athlete@ironlog.dev</code> or <code>admin@ironlog.dev</code> with the password{" "}
        <code>ironlog-demo</code>.{" "}
        <Link href="/api/health" className="underline">
          Service health
        </Link>
      </p>
    </div>
  );
}
