"use client";

import { FormMessage, TextField } from "@/components/ui/field";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { PendingButton } from "@/components/athlete/pending-button";
import { ActionButton } from "@/components/athlete/action-button";
import { useFormAction } from "@/components/athlete/use-form-action";
import { changePasswordAction, endDeviceSessionAction, signOutEverywhereAction } from "./security-actions";

export function ChangePasswordForm() {
  const { state, dispatch, pending, onSubmit, errors } = useFormAction(changePasswordAction);
  return (
    // The key empties the fields after a change (a saved password is not left on screen).
    <form
      key={state.status === "success" ? state.message : "form"}
      action={dispatch}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
    >
      <FormMessage state={state} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.currentPassword}
      />
      <NewPasswordField
        label="New password"
        name="newPassword"
        hint="Your other devices are signed out when it changes."
        errors={errors?.newPassword}
      />
      <PendingButton pending={pending} pendingLabel="Changing…">
        Change password
      </PendingButton>
    </form>
  );
}

export interface DeviceRow {
  id: string;
  name: string;
  current: boolean;
  signedIn: string;
  lastSeen: string;
  address: string | null;
}

export function DeviceList({ devices }: { devices: DeviceRow[] }) {
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200" aria-label="Signed-in devices">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium text-slate-900">
                {device.name}
                {device.current ? (
                  <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">This device</span>
                ) : null}
              </p>
              <p className="text-sm text-slate-500">
                Signed in {device.signedIn} · last active {device.lastSeen}
                {device.address ? ` · ${device.address}` : ""}
              </p>
            </div>
            <ActionButton
              action={endDeviceSessionAction}
              fields={{ sessionId: device.id }}
              label={`Sign out ${device.current ? "this device" : device.name}`}
              pendingLabel="Signing out…"
            >
              Sign out
            </ActionButton>
          </li>
        ))}
      </ul>
      <ActionButton
        action={signOutEverywhereAction}
        variant="danger"
        confirm="Sign out of Ironlog on every device, this one included?"
        pendingLabel="Signing out…"
      >
        Sign out everywhere
      </ActionButton>
    </div>
  );
}
