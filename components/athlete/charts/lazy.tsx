"use client";

import dynamic from "next/dynamic";

/**
 * The charts load after the page: recharts is the heaviest dependency we have, and every number it
 * draws is also in a table beside it, so the page is useful (and light on a phone) before it arrives.
 */
function ChartSkeleton() {
  return <div className="h-full w-full animate-pulse rounded-md bg-slate-100" aria-hidden />;
}

export const LazyOneRepMaxChart = dynamic(() => import("./one-rep-max-chart"), { ssr: false, loading: ChartSkeleton });
export const LazyMuscleVolumeChart = dynamic(() => import("./muscle-volume-chart"), { ssr: false, loading: ChartSkeleton });
export const LazySessionBestChart = dynamic(() => import("./session-best-chart"), { ssr: false, loading: ChartSkeleton });
