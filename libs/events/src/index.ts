// The public API of @orderflow/events: other projects import only what this file exports.
// Placeholder until the library gets its first real export.
export const packageName = '@orderflow/events';
