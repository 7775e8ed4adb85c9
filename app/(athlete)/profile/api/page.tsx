import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { headers } from "next/headers";
import { Card, PageHeader } from "@/components/ui/card";
import { curlCommand, describeType, type FieldLine, fieldLines } from "@/lib/api/reference";
import { athletePage } from "@/server/athlete-page";
import { openApiDocument } from "@/server/api-v1/openapi";
import { publicOrigin } from "@/server/mail/links";

export const metadata: Metadata = { title: "API reference" };

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Json };
type OperationDoc = {
  operationId: string;
  summary: string;
  description?: string;
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: Json; example?: unknown } } };
  responses: Record<string, { description?: string; $ref?: string; content?: Record<string, { schema: Json }> }>;
};

function Fields({ lines, label }: { lines: FieldLine[]; label: string }) {
  if (lines.length === 0) return null;
  return (
    <dl className="mt-1 divide-y divide-slate-100 text-sm" aria-label={label}>
      {lines.map((line) => (
        <div key={line.path} className="py-1.5">
          <dt className="font-mono break-all text-slate-900">
            {line.path}
            {line.required ? <span className="ml-1 font-sans text-xs text-red-700">required</span> : null}
          </dt>
          <dd className="text-slate-600">
            {line.type}
            {line.note ? ` · ${line.note}` : ""}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Code({ children }: { children: string }) {
  return <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{children}</pre>;
}

export default async function ApiReferencePage() {
  await athletePage("/profile/api");
  const origin = publicOrigin(await headers());
  const document = openApiDocument();
  const info = document.info as { description: string };
  const paths = document.paths as Record<string, Record<string, OperationDoc>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title="API reference" description="Read and log your training from your own scripts and apps." />
      <Card title="Start here">
        <div className="space-y-3 text-sm text-slate-700">
          <p>{info.description.replaceAll("`", "")}</p>
          <ol className="list-decimal space-y-1 pl-5">
            <li>
              Make a token under{" "}
              <Link href="/profile#api-tokens" className="font-semibold text-brand-700 hover:underline">
                API tokens on your profile
              </Link>{" "}
              and copy it: it is shown once.
            </li>
            <li>Keep it in your shell, then run any command below:</li>
          </ol>
          <Code>{"export IRONLOG_TOKEN='ilt_…'"}</Code>
          <p>
            The same description as a machine-readable OpenAPI 3.1 document:{" "}
            <a href="/api/v1/openapi.json" className="font-mono font-semibold text-brand-700 hover:underline">
              /api/v1/openapi.json
            </a>
          </p>
        </div>
      </Card>
      <nav aria-label="Operations" className="text-sm">
        <ul className="space-y-1">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="text-brand-700 hover:underline">
                <span className="font-mono">
                  {method} /api/v1{path}
                </span>{" "}
                · {op.summary}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => {
        const body = op.requestBody?.content["application/json"];
        const [successStatus, success] = Object.entries(op.responses).find(([status]) => status.startsWith("2"))!;
        // A file answer (a FIT download) names its media type instead of fields.
        const file = success.content && !success.content["application/json"] ? Object.keys(success.content)[0] : undefined;
        const errors = Object.keys(op.responses).filter((status) => !status.startsWith("2"));
        const query = op.parameters.filter((p) => p.in !== "path");
        return (
          <Card key={op.operationId} id={op.operationId} className="scroll-mt-20" title={op.summary}>
            <div className="space-y-4">
              <p className="font-mono text-sm break-all text-slate-900">
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-semibold">{method}</span>/api/v1{path}
              </p>
              {op.description ? <p className="text-sm text-slate-700">{op.description.replaceAll("`", "")}</p> : null}
              {query.length ? (
                <section>
                  <h3 className="text-sm font-semibold text-slate-900">Parameters</h3>
                  <Fields
                    label={`${op.summary}: parameters`}
                    lines={query.map((p) => ({
                      path: `${p.name} (${p.in})`,
                      type: describeType(p.schema),
                      required: p.required,
                      note: p.description ?? "",
                    }))}
                  />
                </section>
              ) : null}
              {body ? (
                <section>
                  <h3 className="text-sm font-semibold text-slate-900">Body (JSON)</h3>
                  <Fields label={`${op.summary}: body`} lines={fieldLines(body.schema)} />
                </section>
              ) : null}
              <section>
                <h3 className="text-sm font-semibold text-slate-900">Example</h3>
                <Code>
                  {curlCommand({
                    origin,
                    method,
                    path: path.replace("{id}", "123").replace("{exerciseId}", "1"),
                    body: body?.example,
                    idempotent: method !== "GET",
                    output: file ? "workout.fit" : undefined,
                  })}
                </Code>
              </section>
              <section>
                <h3 className="text-sm font-semibold text-slate-900">
                  Answer: {successStatus} {success.description}
                </h3>
                {success.content?.["application/json"] ? (
                  <Fields label={`${op.summary}: answer`} lines={fieldLines(success.content["application/json"].schema)} />
                ) : file ? (
                  <p className="mt-1 text-sm text-slate-700">
                    A file, <span className="font-mono">{file}</span>.
                  </p>
                ) : null}
                <p className="mt-2 text-sm text-slate-600">
                  Errors: {errors.join(", ")}, each as {"{ error: { code, message, fields } }"}.
                </p>
              </section>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
