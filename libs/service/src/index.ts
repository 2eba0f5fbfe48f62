// The public API of @orderflow/service: other projects import only what this file exports.
// Placeholder until the library gets its first real export.
export const packageName = '@orderflow/service';
