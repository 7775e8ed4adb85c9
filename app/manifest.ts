import type { MetadataRoute } from "next";
import { BRAND_BLUE } from "@/lib/brand-mark";

/** The web app manifest: Ironlog installs as an app that opens on the athlete's dashboard. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Ironlog",
    short_name: "Ironlog",
    description: "Log your training set by set, also with no signal, and see real progress.",
    id: "/dashboard",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: BRAND_BLUE,
    icons: [
      { src: "/icons/192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
