#!/usr/bin/env node
// The CLI, bundled into engine/dist/bin/run.cjs by the package's build (`npm install` runs it through
// the prepare script), started with the V8 code cache the build wrote beside it after a training run
// (dist/bin/run.cjs.cache): compiling the bundle and the functions a match calls was a third of a cold
// `faultline match`. A cache V8 refuses (another Node version, a damaged file) or a missing one only
// means compiling as usual. This file is CommonJS (bin/package.json): an ES module entry point loads
// Node's ESM loader first, 7 ms of a cold start; it is loaded only if a command imports a module.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const file = path.join(__dirname, "../dist/bin/run.cjs");
const url = pathToFileURL(file);
const cacheFile = `${file}.cache`;
// Set by the build for its training run only: write the cache once the command has run.
const training = process.env["FAULTLINE_TRAIN_CODE_CACHE"] === "1";

let cachedData;
try {
  if (!training) cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(file, "utf8");
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __faultlineImport) {${source}\n})`, { filename: file, cachedData });
// For whoever wonders why a start is slow, and for the test that the shipped cache is taken.
if (process.env["FAULTLINE_DEBUG_CODE_CACHE"] === "1") {
  process.stderr.write(`faultline: code cache ${cachedData === undefined ? "missing" : script.cachedDataRejected ? "rejected" : "accepted"}\n`);
}
// The bundle's import() calls, made from here: relative ones name files beside the bundle; packages
// resolve from this file as from the bundle, both being inside the engine package.
const importer = (specifier) => import(specifier.startsWith(".") ? new URL(specifier, url).href : specifier);
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, createRequire(file), bundleModule, file, path.dirname(file), importer);
if (training) process.once("beforeExit", () => writeFileSync(cacheFile, script.createCachedData()));
