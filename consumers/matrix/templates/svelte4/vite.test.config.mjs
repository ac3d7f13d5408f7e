// A browser bundle of src/mountForTest.ts (Svelte's client runtime included) for runtime-client.mjs.
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default {
  logLevel: "warn",
  plugins: [svelte()],
  build: { outDir: "dist-test", lib: { entry: "src/mountForTest.ts", formats: ["es"], fileName: "mountForTest" } },
};
