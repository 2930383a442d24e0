#!/usr/bin/env node
// The compiled CLI lives in engine/dist; `npm install` builds it through the package's prepare script.
import { main } from "../dist/cli/main.js";
import { exitOnOutputError } from "../dist/cli/output.js";

// A closed pipe (`faultline scan big.log | head`) ends quietly; a full disk is one line and exit 2.
exitOnOutputError();

process.exitCode = await main(process.argv.slice(2));
