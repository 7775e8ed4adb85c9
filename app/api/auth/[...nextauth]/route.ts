import { handlers } from "@/server/auth/config";
import { withSignInThrottle } from "@/server/auth/sign-in-route";

export const { GET } = handlers;
export const POST = withSignInThrottle(handlers.POST);
