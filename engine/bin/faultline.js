#!/usr/bin/env node
// The compiled CLI lives in engine/dist; `npm install` builds it through the package's prepare script.
import { main } from "../dist/cli/main.js";

// A reader that stops early (`faultline scan big.log | head`) closes the pipe: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
