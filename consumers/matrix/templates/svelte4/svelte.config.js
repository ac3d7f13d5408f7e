// Svelte 4 compiles `<script lang="ts">` through this preprocessor (Svelte 5 strips the types itself).
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default { preprocess: vitePreprocess() };
