/** Where the compiled knowledge bundle lives in the built site, for the build and the matcher. */

/** File name of the bundle at the root of the site (under the base path). */
export const bundleFileName = "faultline-bundle.json";
