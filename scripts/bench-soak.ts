/**
 * `npm run bench:soak`: many athletes logging workouts for minutes on two `npm start` instances over one
 * PostgreSQL database, one instance killed half-way (its whole process group, SIGKILL) and started again
 * 10 s later; prints latency per request kind and the oracle (scripts/bench/soak.ts). Exits 1 when a
 * correctness check fails; the latency is printed beside its target and does not change the exit code.
 *
 * Needs PostgreSQL: DATABASE_URL names the server the scratch database is made on (and dropped from
 * afterwards). Builds the app once if there is no build.
 *
 * Options: --athletes 200  --minutes 10 (or --seconds 600)  --kill / --no-kill  --down 10 (seconds down)
 *          --pace 5 (mean seconds between two sets)  --sets 20 (sets a workout)
 *          --webhook-every 2 (every 2nd athlete has a webhook endpoint; 0: none)  --port 3211 (and the next)
 *          --keep (leave the scratch database in place)
 */
import { runSoak } from "./bench/soak";

const args = process.argv.slice(2);
function option(name: string, fallback: number, { zero = false } = {}): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero)) throw new Error(`--${name} must be a positive number`);
  return value;
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("bench:soak needs PostgreSQL: set DATABASE_URL (the scratch database is made on that server).");
  process.exit(2);
}
const port = option("port", 3211);
const seconds = args.includes("--seconds") ? option("seconds", 600) : option("minutes", 10) * 60;

runSoak({
  serverUrl,
  athletes: option("athletes", 200),
  seconds,
  kill: !args.includes("--no-kill"),
  downSeconds: option("down", 10),
  paceSeconds: option("pace", 5),
  setsPerWorkout: option("sets", 20),
  webhookEvery: option("webhook-every", 2, { zero: true }),
  ports: [port, port + 1],
  keep: args.includes("--keep"),
}).then(
  (result) => {
    console.log(result.correct ? "\nEvery correctness check held." : "\nA correctness check FAILED.");
    process.exit(result.correct ? 0 : 1);
  },
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
