#!/usr/bin/env node
// The compiled CLI lives in engine/dist; `npm install` builds it through the package's prepare script.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
