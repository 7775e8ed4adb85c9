/**
 * The app's one import of zod: every schema takes `z` from here.
 *
 * zod 4 compiles object schemas with `new Function` where it may, and finds out by running
 * `new Function("")` inside a try. Under the app's Content-Security-Policy (no 'unsafe-eval') the
 * browser reports that probe as a violation even though zod catches the error, on every page whose
 * forms validate. `jitless` skips the probe and the compiling; it is set here, before any schema is
 * built, so the browser and the server parse the same way.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
