// What the engine's own sources see of the built-in knowledge before it is built; the package's
// consumers get dist/knowledge.d.ts, written by scripts/build-dist.mjs, which types it as a Bundle.
declare const knowledge: unknown;
export default knowledge;
