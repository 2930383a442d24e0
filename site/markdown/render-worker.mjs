// Entry of a render worker thread. Threads start without the TypeScript loader the build runs
// under, so this registers tsx before loading the worker's code (render-worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
