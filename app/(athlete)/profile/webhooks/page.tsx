import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card, PageHeader } from "@/components/ui/card";
import { ActionButton } from "@/components/athlete/action-button";
import { formatDateTime } from "@/components/athlete/format";
import { WEBHOOK_EVENT_LABELS, MAX_WEBHOOK_ENDPOINTS, type WebhookEvent } from "@/lib/webhooks/events";
import { athletePage, requestTimeZone } from "@/server/athlete-page";
import { listEndpoints, webhookSettings, type EndpointView } from "@/server/webhooks/endpoints";
import { deleteEndpointAction, enableEndpointAction } from "./actions";
import { NewEndpointForm } from "./_components/new-endpoint-form";
import { TestEventButton } from "./_components/test-event-button";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_WORDS = { pending: "Waiting to retry", sending: "Sending", sent: "Delivered", failed: "Not delivered" } as const;

export default async function WebhooksPage() {
  const { user, db } = await athletePage("/profile/webhooks");
  const [endpoints, timeZone] = await Promise.all([listEndpoints(db, user.id), requestTimeZone()]);
  const { requireHttps } = webhookSettings();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="Webhooks"
        description="Tell your own apps (a spreadsheet, a coach's dashboard, a bridge to another service) when a workout is finished, changed or deleted."
        actions={
          <Link href="/profile" className="text-sm font-semibold text-brand-700 hover:underline">
            Back to profile
          </Link>
        }
      />
      {endpoints.map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} timeZone={timeZone} />
      ))}
      {endpoints.length < MAX_WEBHOOK_ENDPOINTS ? (
        <Card title={endpoints.length ? "Add another endpoint" : "Add an endpoint"}>
          {endpoints.length === 0 ? (
            <p className="mb-4 text-sm text-slate-600">
              No endpoints yet. Add the address of a receiver, and each event is sent to it as a signed JSON POST within seconds.
            </p>
          ) : null}
          <NewEndpointForm requireHttps={requireHttps} />
        </Card>
      ) : (
        <p className="text-sm text-slate-600">
          You have {MAX_WEBHOOK_ENDPOINTS} endpoints, the most there can be: delete one to add another.
        </p>
      )}
      <Card title="How your receiver checks an event">
        <div className="space-y-2 text-sm text-slate-600">
          <p>
            Each event is a POST with a JSON body and an <code className="font-mono text-xs">Ironlog-Signature</code> header:{" "}
            <code className="font-mono text-xs break-all">t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</code>, computed over{" "}
            <code className="font-mono text-xs">&lt;t&gt;.&lt;body&gt;</code> with your endpoint&apos;s secret. Refuse a timestamp
            more than five minutes old, so that a recorded event cannot be replayed.
          </p>
          <p>
            An event may arrive more than once (a retry after a lost answer): keep its{" "}
            <code className="font-mono text-xs">id</code> and skip one you have seen. Failed deliveries are retried for about a
            day; an endpoint that fails for a whole day is switched off until you turn it back on here.
          </p>
        </div>
      </Card>
    </div>
  );
}

function EndpointCard({ endpoint, timeZone }: { endpoint: EndpointView; timeZone: string }) {
  return (
    <Card
      title={<span className="font-mono text-sm break-all">{endpoint.url}</span>}
      className={endpoint.disabledAt ? "ring-2 ring-red-200" : ""}
    >
      <div className="space-y-4 text-sm">
        <p className="text-slate-600">{endpoint.events.map((e) => WEBHOOK_EVENT_LABELS[e as WebhookEvent] ?? e).join(" · ")}</p>
        <EndpointStatus endpoint={endpoint} timeZone={timeZone} />
        <div className="flex flex-wrap items-start gap-2">
          {endpoint.disabledAt ? (
            <ActionButton
              action={enableEndpointAction}
              fields={{ endpointId: endpoint.id }}
              variant="primary"
              pendingLabel="Turning on…"
            >
              Turn back on
            </ActionButton>
          ) : (
            <TestEventButton endpointId={endpoint.id} />
          )}
          <ActionButton
            action={deleteEndpointAction}
            fields={{ endpointId: endpoint.id }}
            variant="danger"
            confirm="Delete this endpoint? It receives nothing more, and its delivery list goes with it."
            pendingLabel="Deleting…"
          >
            Delete
          </ActionButton>
        </div>
        <div>
          <h3 className="font-semibold text-slate-900">Last deliveries</h3>
          {endpoint.deliveries.length === 0 ? (
            <p className="mt-1 text-slate-500">Nothing sent yet. Finish a workout, or send a test event.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100" aria-label={`Last deliveries to ${endpoint.url}`}>
              {endpoint.deliveries.map((d) => (
                <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                  <span>
                    <code className="font-mono text-xs">{d.eventType}</code>{" "}
                    <span className="text-slate-500">{formatDateTime(d.createdAt, timeZone)}</span>
                  </span>
                  <span
                    className={
                      d.status === "sent" ? "text-emerald-700" : d.status === "failed" ? "text-red-700" : "text-amber-700"
                    }
                  >
                    {STATUS_WORDS[d.status]}
                    {d.responseStatus ? ` · ${d.responseStatus}` : ""}
                    {d.attempts > 1 ? ` · ${d.attempts} attempts` : ""}
                    {d.status === "pending" ? ` · next ${formatDateTime(d.nextAttemptAt, timeZone)}` : ""}
                  </span>
                  {d.status !== "sent" && d.lastError ? (
                    <span className="w-full text-xs text-slate-500">{d.lastError}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}

function EndpointStatus({ endpoint, timeZone }: { endpoint: EndpointView; timeZone: string }) {
  if (endpoint.disabledAt)
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800 ring-1 ring-red-200">
        Switched off on {formatDateTime(endpoint.disabledAt, timeZone)}: it had failed since{" "}
        {endpoint.failingSince ? formatDateTime(endpoint.failingSince, timeZone) : "the day before"}. Last answer:{" "}
        {endpoint.disabledReason}. Events since then were not sent.
      </p>
    );
  if (endpoint.failingSince)
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
        Failing since {formatDateTime(endpoint.failingSince, timeZone)}: deliveries are retried, and after a day of failures the
        endpoint is switched off.
      </p>
    );
  return (
    <p className="text-emerald-700">
      Active
      {endpoint.lastSuccessAt ? ` · last delivered ${formatDateTime(endpoint.lastSuccessAt, timeZone)}` : ""}
    </p>
  );
}
