'use client';

import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/** The element's content width, kept current with a ResizeObserver (charts draw in real pixels). */
export function useWidth<T extends HTMLElement>(initial = 600): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || initial);
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0].contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [initial]);
  return [ref, width];
}

/** A "nice" axis maximum (1, 2, 2.5, 5 × 10^n) at or above `v`, and its tick step. */
export function niceScale(v: number, ticks = 4): { max: number; step: number } {
  if (!(v > 0)) return { max: 1, step: 0.25 };
  const raw = v / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { max: step * Math.ceil(v / step), step };
}
