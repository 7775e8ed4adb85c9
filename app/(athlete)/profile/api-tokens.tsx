"use client";

import { Link } from "@/components/ui/link";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { PendingButton } from "@/components/athlete/pending-button";
import { ActionButton } from "@/components/athlete/action-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import {
  API_TOKEN_ACCESS,
  API_TOKEN_ACCESS_LABELS,
  API_TOKEN_EXPIRY_CHOICES,
  API_TOKEN_EXPIRY_LABELS,
  type ApiTokenAccess,
  MAX_API_TOKEN_NAME,
} from "@/lib/api/tokens";
import { createApiTokenAction, revokeApiTokenAction } from "./api-token-actions";

export interface ApiTokenRow {
  id: number;
  name: string;
  access: ApiTokenAccess;
  created: string;
  expires: string | null;
  expired: boolean;
  lastUsed: string | null;
}

/** The token just made, shown once: only its hash is kept, so this is the one chance to copy it. */
function NewToken({ token, name }: { token: string; name: string }) {
  return (
    <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" role="status">
      <p className="text-sm font-semibold text-amber-900">Copy “{name}” now: it will not be shown again.</p>
      <label htmlFor="new-api-token" className="sr-only">
        Your new token
      </label>
      <input
        id="new-api-token"
        readOnly
        value={token}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-300"
      />
      <button
        type="button"
        className="text-sm font-semibold text-brand-700 hover:underline"
        onClick={() => void navigator.clipboard?.writeText(token)}
      >
        Copy token
      </button>
    </div>
  );
}

export function CreateApiTokenForm() {
  const { state, dispatch, pending, onSubmit, errors, values } = useFormAction(createApiTokenAction);
  const created = state.status === "success" ? (state.data as { token: string; name: string } | undefined) : undefined;
  return (
    <div className="space-y-4">
      {created ? <NewToken token={created.token} name={created.name} /> : null}
      {/* The key empties the form after a token is made. */}
      <form
        key={created?.token ?? "form"}
        action={dispatch}
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        aria-label="New API token"
      >
        {state.status === "error" ? <FormMessage state={state} /> : null}
        <TextField
          label="Token name"
          // The profile's own form has a field named "name": ids must differ on one page.
          id="api-token-name"
          name="name"
          required
          maxLength={MAX_API_TOKEN_NAME}
          defaultValue={values?.name}
          hint="What will use it, such as “spreadsheet sync”."
          errors={errors?.name}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Access"
            id="api-token-access"
            name="access"
            defaultValue={values?.access ?? "read"}
            errors={errors?.access}
          >
            {API_TOKEN_ACCESS.map((access) => (
              <option key={access} value={access}>
                {API_TOKEN_ACCESS_LABELS[access]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Expires"
            id="api-token-expires"
            name="expiresIn"
            defaultValue={values?.expiresIn ?? "90"}
            errors={errors?.expiresIn}
          >
            {API_TOKEN_EXPIRY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {API_TOKEN_EXPIRY_LABELS[choice]}
              </option>
            ))}
          </SelectField>
        </div>
        <PendingButton pending={pending} pendingLabel="Creating…">
          Create token
        </PendingButton>
      </form>
    </div>
  );
}

export function ApiTokenList({ tokens }: { tokens: ApiTokenRow[] }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-600">You have no API tokens.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-label="API tokens">
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className="font-medium break-words text-slate-900">
              {token.name}
              <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
                {API_TOKEN_ACCESS_LABELS[token.access]}
              </span>
            </p>
            <p className="text-sm text-slate-500">
              Created {token.created} · {token.lastUsed ? `last used ${token.lastUsed}` : "never used"} ·{" "}
              {token.expires ? `${token.expired ? "expired" : "expires"} ${token.expires}` : "no expiry"}
            </p>
          </div>
          <ActionButton
            action={revokeApiTokenAction}
            fields={{ tokenId: token.id }}
            label={`Revoke ${token.name}`}
            confirm={`Revoke “${token.name}”? Anything using it stops working.`}
            confirmLabel="Revoke"
            variant="danger"
            pendingLabel="Revoking…"
          >
            Revoke
          </ActionButton>
        </li>
      ))}
    </ul>
  );
}

export function ApiReferenceLink() {
  return (
    <p className="text-sm text-slate-600">
      Send a token as <code className="font-mono">Authorization: Bearer …</code> to <code className="font-mono">/api/v1</code>.{" "}
      <Link href="/profile/api" className="font-semibold text-brand-700 hover:underline">
        Read the API reference
      </Link>
    </p>
  );
}
