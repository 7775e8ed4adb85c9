import type { ReactNode } from "react";

/** The floor the app's pages are measured beside: a Next page with nothing of the app in it. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
