// Svelte 5 compiles the TypeScript in <script lang="ts"> itself; no preprocessor is needed.
export default {};
