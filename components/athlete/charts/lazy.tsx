"use client";

import { type ComponentProps, type ComponentType, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import { afterIdle } from "@/components/ui/after-idle";
import type OneRepMaxChart from "./one-rep-max-chart";
import type MuscleVolumeChart from "./muscle-volume-chart";
import type SessionBestChart from "./session-best-chart";

/**
 * The charts are drawn after the page is usable: recharts is the heaviest dependency we have and
 * drawing a chart is the longest piece of main-thread work on the page, while every number a chart
 * draws is also in a table beside it. So a chart's code is not in the page's first download; it is
 * fetched and drawn once its box is on screen (or about to be) and the browser is idle. The page
 * gives each chart a box of fixed height, which this skeleton fills, so nothing moves when it arrives.
 */
function ChartSkeleton() {
  return <div className="h-full w-full animate-pulse rounded-md bg-slate-100" aria-hidden data-testid="chart-placeholder" />;
}

/** A chart whose code could not be fetched (the connection dropped) leaves the page as it is: the table has its numbers. */
function ChartUnavailable() {
  return (
    <p className="flex h-full w-full items-center justify-center rounded-md bg-slate-50 text-sm text-slate-600">
      The chart could not load; the table has the same numbers.
    </p>
  );
}

/** How far below (or above) the screen a chart starts loading, so it is usually drawn by the time it is scrolled to. */
export const NEAR_SCREEN_PX = 200;

/** Renders `children` once the box is near the screen and the browser has nothing more urgent. */
function WhenVisibleAndIdle({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let cancelIdle = () => {};
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        cancelIdle = afterIdle(() => setReady(true));
      },
      { rootMargin: `${NEAR_SCREEN_PX}px 0px` },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelIdle();
    };
  }, []);
  return (
    <div ref={box} className="h-full w-full">
      {ready ? <Suspense fallback={<ChartSkeleton />}>{children}</Suspense> : <ChartSkeleton />}
    </div>
  );
}

function deferredChart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const Chart = lazy(() => load().catch(() => ({ default: ChartUnavailable })));
  return function DeferredChart(props: P) {
    return (
      <WhenVisibleAndIdle>
        <Chart {...props} />
      </WhenVisibleAndIdle>
    );
  };
}

export const LazyOneRepMaxChart = deferredChart<ComponentProps<typeof OneRepMaxChart>>(() => import("./one-rep-max-chart"));
export const LazyMuscleVolumeChart = deferredChart<ComponentProps<typeof MuscleVolumeChart>>(
  () => import("./muscle-volume-chart"),
);
export const LazySessionBestChart = deferredChart<ComponentProps<typeof SessionBestChart>>(() => import("./session-best-chart"));
