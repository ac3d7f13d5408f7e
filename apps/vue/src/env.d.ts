// vue-tsc reads the real component types; plain TypeScript (ESLint's type-aware rules in .ts files) needs this.
declare module "*.vue" {
  import type { DefineComponent } from "vue";
  const component: DefineComponent;
  export default component;
}
