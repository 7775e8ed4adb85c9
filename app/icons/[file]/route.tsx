import { ImageResponse } from "next/og";
import { BrandMark } from "@/lib/brand-mark";

/** The installed app's icons (app/manifest.ts): PNG at the sizes Android asks for, and a maskable one. */
const ICONS = {
  "192.png": { size: 192, maskable: false },
  "512.png": { size: 512, maskable: false },
  "maskable-512.png": { size: 512, maskable: true },
} as const;

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return Object.keys(ICONS).map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const icon = ICONS[(await params).file as keyof typeof ICONS];
  if (!icon) return new Response("Not found", { status: 404 });
  return new ImageResponse(<BrandMark size={icon.size} maskable={icon.maskable} />, { width: icon.size, height: icon.size });
}
