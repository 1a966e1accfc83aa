/**
 * A published file (/filer/<name>) by its stable address, resolved against the document's base URL.
 * For the 404 page: Framework serves it at any depth with <base href>, but resolves FileAttachment against
 * `location`, so an attachment would point below the missing address.
 */
import type { Attachment } from "./data.js";

export function publishedFile(name: string): Attachment {
  return {
    async arrayBuffer() {
      const url = new URL(`filer/${name}`, document.baseURI);
      const res = await fetch(url);
      if (!res.ok) throw new Error(`Kunne ikke hente ${url.pathname} (${res.status})`);
      return res.arrayBuffer();
    }
  };
}
