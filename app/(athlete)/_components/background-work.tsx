"use client";

import type { ComponentProps } from "react";
import { TimeZoneCookie } from "@/components/athlete/time-zone-cookie";
import { OfflineReady } from "./offline-ready";

/** The background work of ./background, loaded once the page is idle. */
export default function BackgroundWork(props: ComponentProps<typeof OfflineReady>) {
  return (
    <>
      <OfflineReady {...props} />
      <TimeZoneCookie />
    </>
  );
}
