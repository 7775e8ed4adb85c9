"use client";

import { useState } from "react";

/** One client component, so the page hydrates like any page of the app. */
export function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Pressed {count} times
    </button>
  );
}
