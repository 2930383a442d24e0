// What the engine's own sources see of the built-in knowledge's rule index before it is built
// (scripts/build-dist.mjs writes engine/knowledge-index.js).
declare const index: unknown;
export default index;
