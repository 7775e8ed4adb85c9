import { ImageResponse } from "next/og";
import { BrandMark } from "@/lib/brand-mark";

/** The home-screen icon iOS uses (it ignores the manifest's): 180 px, square; iOS rounds the corners. */
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return new ImageResponse(<BrandMark size={180} maskable />, size);
}
