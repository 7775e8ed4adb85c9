export { GET, POST } from "@/server/auth/auth-routes";
