/** The two comment lines between which a page holds text generated from the code. */
export type GeneratedPartMarkers = { readonly start: string; readonly end: string };

/** `markdown` with the part between the markers replaced by `generated`; a clear error without them. */
export function withGeneratedPart(markdown: string, markers: GeneratedPartMarkers, generated: string): string {
  const start = markdown.indexOf(markers.start);
  const end = markdown.indexOf(markers.end, start);
  if (start < 0 || end < 0) {
    throw new Error(
      `the generated part's markers are missing: the page needs a line ${markers.start} and, after it, ${markers.end}`,
    );
  }
  return `${markdown.slice(0, start)}${markers.start}\n\n${generated}\n\n${markers.end}${markdown.slice(end + markers.end.length)}`;
}
