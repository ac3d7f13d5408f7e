import vue from "@vitejs/plugin-vue";

export default { logLevel: "warn", plugins: [vue()] };
