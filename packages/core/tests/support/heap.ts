// Shared by the core's and the React adapter's soak tests.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A fresh context sees `gc` once the flag is set, so no --expose-gc on the command line is needed.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** The heap in use after forced full collections. */
export function heapAfterGc(): number {
  for (let round = 0; round < 3; round++) collectGarbage();
  return process.memoryUsage().heapUsed;
}
