/**
 * The parts of the Model Context Protocol SDK the server uses. The package build bundles this module
 * (SDK inside, zod left to the engine's own dependency) into dist/mcp/sdk.js, so `npx faultline mcp`
 * works from a fresh install while the SDK, with its HTTP servers, stays a devDependency.
 */
export { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
export { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
export type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
