// What the engine's own sources see of the built-in entries' body sections before they are built
// (scripts/build-dist.mjs writes engine/knowledge-sections.js: an object of sections by entry id).
declare const sections: unknown;
export default sections;
