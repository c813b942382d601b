/** Sends the browser to a signed download link. In a module of its own so that tests can watch it (jsdom cannot navigate). */
export function startDownload(url: string): void {
  window.location.assign(url);
}
