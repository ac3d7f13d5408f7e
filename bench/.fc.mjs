import { featureCosts } from "./featureCosts.mjs";
for (const t of ["createTalkSession", "createDataSession"]) {
  try { const r = await featureCosts(t); console.log(t, r.whole, "without all:", r.withoutAll); for (const c of r.costs) console.log("  ", c.bytes, c.feature); } catch (e) { console.log(t, "ERR", e.message.slice(0, 400)); }
}
