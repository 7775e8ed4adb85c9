import type { Metadata } from "next";
import { AssessmentForm } from "@/components/athlete/assessment-form";
import { Card, PageHeader } from "@/components/ui/card";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { formatDateTime } from "@/components/athlete/format";
import { getAssessmentForUser } from "@/server/queries/assessments";
import { assessmentDefaults } from "@/components/athlete/assessment-defaults";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { currentSession } from "@/server/auth/session";
import { listAuthSessions } from "@/server/auth/auth-sessions";
import { saveProfileAssessmentAction } from "@/app/(athlete)/onboarding/actions";
import { deviceName } from "@/lib/auth/device-name";
import { ProfileForm } from "./profile-form";
import { PlatesForm } from "./plates-form";
import { plateSetupFor } from "@/lib/athlete/plate-setup";
import { ChangePasswordForm, DeviceList } from "./security";
import { GarminRangeForm } from "./garmin-form";
import { calendarDayIn } from "@/lib/athlete/calendar";
import { ApiReferenceLink, ApiTokenList, CreateApiTokenForm } from "./api-tokens";
import { listApiTokens } from "@/server/api-v1/tokens";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const { user, db } = await athletePage("/profile");
  const [assessment, sessions, session, timeZone, apiTokens] = await Promise.all([
    getAssessmentForUser(user.id),
    listAuthSessions(db, user.id),
    currentSession(),
    requestTimeZone(),
    listApiTokens(db, user.id),
  ]);
  // The Garmin zip offers the last 30 days, today included, in the athlete's own calendar.
  const today = calendarDayIn(new Date(), timeZone);
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const tokens = apiTokens.map((t) => ({
    id: t.id,
    name: t.name,
    access: t.access,
    created: formatDateTime(t.createdAt, timeZone),
    expires: t.expiresAt ? formatDateTime(t.expiresAt, timeZone) : null,
    expired: t.expired,
    lastUsed: t.lastUsedAt ? formatDateTime(t.lastUsedAt, timeZone) : null,
  }));
  const devices = sessions.map((s) => ({
    id: s.id,
    name: deviceName(s.userAgent),
    current: s.id === session?.sid,
    signedIn: formatDateTime(s.createdAt, timeZone),
    lastSeen: formatDateTime(s.lastSeenAt, timeZone),
    address: s.ipAddress,
  }));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Profile" description={user.email} />
      <Card title="You">
        <ProfileForm name={user.name ?? ""} weightUnit={user.weightUnit} />
      </Card>
      <Card title="Bar and plates" id="plates" className="scroll-mt-20">
        {/* Keyed by unit: after a switch of units the form starts from that unit's plates. */}
        <PlatesForm key={user.weightUnit} setup={plateSetupFor(user.plateSetup, user.weightUnit)} />
      </Card>
      <Card title="Your history">
        <p className="mb-3 text-sm text-slate-600">
          Bring your workouts from Strong, Hevy or FitNotes, or take a copy of everything you logged here.
        </p>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/history/import">Import from Strong, Hevy or FitNotes</ButtonLink>
          <a href="/api/history/export?format=csv" className={buttonClasses("secondary")} download>
            Export CSV
          </a>
          <a href="/api/history/export?format=json" className={buttonClasses("secondary")} download>
            Export JSON
          </a>
        </div>
        <h3 className="mt-5 mb-1 text-sm font-semibold text-slate-900">For Garmin Connect and Strava</h3>
        <p className="mb-3 text-sm text-slate-600">
          Every finished workout between two days, each as a .fit file with its sets, in one zip (up to a year at a time).
        </p>
        <GarminRangeForm from={monthAgo} to={today} />
      </Card>
      <Card title="Webhooks">
        <p className="mb-3 text-sm text-slate-600">
          Tell your own apps when a workout is finished, changed or deleted: a signed message to an address you choose.
        </p>
        <ButtonLink href="/profile/webhooks">Manage webhooks</ButtonLink>
      </Card>
      <Card title="Password">
        <ChangePasswordForm />
      </Card>
      <Card title="Signed-in devices">
        <p className="mb-2 text-sm text-slate-600">
          Sign out a device you no longer use, or every device at once if you think someone else has your password.
        </p>
        <DeviceList devices={devices} />
      </Card>
      <Card title="API tokens" id="api-tokens" className="scroll-mt-20">
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            Let your own scripts and apps read your workouts, or log them. Signing out everywhere does not end a token: revoke it
            here.
          </p>
          <ApiReferenceLink />
          <ApiTokenList tokens={tokens} />
          <CreateApiTokenForm />
        </div>
      </Card>
      <Card title="Your assessment">
        <p className="mb-4 text-sm text-slate-600">
          Saving rebuilds your generated program. Your own splits and history are untouched.
        </p>
        <AssessmentForm
          action={saveProfileAssessmentAction}
          defaults={assessmentDefaults(assessment)}
          stepped={false}
          submitLabel="Save and rebuild my program"
        />
      </Card>
    </div>
  );
}
