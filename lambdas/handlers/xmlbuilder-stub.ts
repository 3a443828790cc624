/**
 * Lambda bundles only (esbuild alias `xmlbuilder` → this file, see lib/function.ts). xml2js, which
 * rss-parser uses to *parse*, loads xmlbuilder at start for its Builder; we never build XML, so its
 * 67 KB stay out of the bundle. Calling it anyway fails loudly instead of doing something odd.
 */
function unavailable(): never {
  throw new Error('xmlbuilder is not bundled: banwatch only parses XML');
}

export const create = unavailable;
export const begin = unavailable;
export const stringWriter = unavailable;
export const streamWriter = unavailable;
export const implementation = {};
export const nodeType = {};
export const writerState = {};
export default { create, begin, stringWriter, streamWriter, implementation, nodeType, writerState };
