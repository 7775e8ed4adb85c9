import type { ComponentProps, ReactNode } from "react";

const inputClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" role="alert">
      {errors[0]}
    </p>
  );
}

/** The ids a field's hint and error take, and what its control says it is described by. */
function fieldIds(name: string, id: string | undefined, hint: ReactNode, errors: string[] | undefined) {
  const controlId = id ?? `field-${name}`;
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return {
    controlId,
    errorId,
    hintId,
    aria: { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy },
  };
}

/** The label above, the hint and the error below: what every field shares around its control. */
function FieldFrame({
  ids,
  label,
  hint,
  errors,
  className,
  children,
}: {
  ids: ReturnType<typeof fieldIds>;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  className: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={ids.controlId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={ids.hintId} className="mt-1 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={ids.errorId} errors={errors} />
    </div>
  );
}

/** A labelled input whose error, if any, is announced and tied to it with aria-describedby. */
export function TextField({
  label,
  name,
  errors,
  hint,
  className = "",
  ...props
}: ComponentProps<"input"> & { label: string; name: string; errors?: string[]; hint?: ReactNode }) {
  const ids = fieldIds(name, props.id, hint, errors);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} errors={errors} className={className}>
      <input id={ids.controlId} name={name} {...ids.aria} className={`mt-1 ${inputClasses}`} {...props} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  name,
  errors,
  children,
  className = "",
  ...props
}: ComponentProps<"select"> & { label: string; name: string; errors?: string[] }) {
  const ids = fieldIds(name, props.id, undefined, errors);
  return (
    <FieldFrame ids={ids} label={label} errors={errors} className={className}>
      <select id={ids.controlId} name={name} {...ids.aria} className={`mt-1 ${inputClasses}`} {...props}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function FormMessage({ state }: { state: { status: string; message?: string } | undefined }) {
  if (!state?.message) return null;
  const error = state.status === "error";
  return (
    <p
      role={error ? "alert" : "status"}
      className={`rounded-md px-3 py-2 text-sm ${error ? "bg-red-50 text-red-800 ring-1 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200"}`}
    >
      {state.message}
    </p>
  );
}

/** A labelled multi-line input, with its error and hint tied to it like TextField's. */
export function TextAreaField({
  label,
  name,
  errors,
  hint,
  className = "",
  ...props
}: ComponentProps<"textarea"> & { label: string; name: string; errors?: string[]; hint?: ReactNode }) {
  const ids = fieldIds(name, props.id, hint, errors);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} errors={errors} className={className}>
      <textarea id={ids.controlId} name={name} rows={3} {...ids.aria} className={`mt-1 ${inputClasses}`} {...props} />
    </FieldFrame>
  );
}
