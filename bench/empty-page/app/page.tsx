import { connection } from "next/server";
import { Counter } from "./counter";

export const metadata = { title: "Empty page" };

export default async function EmptyPage() {
  // Rendered per request, as every Ironlog page is.
  await connection();
  return (
    <main>
      <h1>Empty page</h1>
      <Counter />
    </main>
  );
}
