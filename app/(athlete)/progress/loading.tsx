// Below the athlete layout, so the layout's sign-in redirect runs before anything streams (a real 307),
// and only on pages with no notFound() (see components/ui/page-loading.tsx).
export { PageLoading as default } from "@/components/ui/page-loading";
