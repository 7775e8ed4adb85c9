/** Ironlog's mark: a loaded barbell on the brand square (the same drawing as app/icon.svg, the favicon). */
export function LogoMark({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="7" className="fill-brand-600" />
      <g fill="#fff">
        <rect x="5" y="10" width="4" height="12" rx="1.5" />
        <rect x="23" y="10" width="4" height="12" rx="1.5" />
        <rect x="9" y="12.5" width="2.5" height="7" rx="1" />
        <rect x="20.5" y="12.5" width="2.5" height="7" rx="1" />
        <rect x="11.5" y="14.75" width="9" height="2.5" rx="1" />
      </g>
    </svg>
  );
}
