/**
 * A small, safe Markdown renderer for text cells: the text is HTML-escaped first, then a
 * few constructs are recognised (headings, paragraphs, lists, code blocks, `code`,
 * **bold**, *italic*, links). Links are kept only when they point inside the site
 * (./x, ../x, /x, #x); images are never rendered, so a shared notebook cannot make the
 * page fetch anything, and raw HTML (including <script>) is shown as text.
 */

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const LOCAL_LINK = /^(?:\.{1,2}\/|\/(?!\/)|#)[^\s"'<>\\]*$/;

function inline(text: string): string {
  const codes: string[] = [];
  let s = escapeHtml(text).replace(/`([^`]+)`/g, (_, c: string) => `\u0000${codes.push(c) - 1}\u0000`);
  // images: shown as their alt text, never loaded
  s = s.replace(/!\[([^\]]*)\]\(([^)]*)\)/g, (_, alt: string) => `[billede: ${alt}]`);
  s = s.replace(/\[([^\]]+)\]\(([^)\s]*)\)/g, (_, label: string, href: string) => {
    const raw = href.replace(/&amp;/g, "&");
    return LOCAL_LINK.test(raw) ? `<a href="${href}">${label}</a>` : `${label} (${href})`;
  });
  s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>");
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => `<code>${codes[Number(i)]}</code>`);
}

export function renderMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(" "))}</p>`);
    if (list.length) out.push(`<ul>${list.map((l) => `<li>${inline(l)}</li>`).join("")}</ul>`);
    para = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) code.push(lines[i]);
      out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      out.push(`<h${h[1].length + 1}>${inline(h[2])}</h${h[1].length + 1}>`);
      continue;
    }
    const li = /^\s*[-*]\s+(.*)$/.exec(line);
    if (li) {
      if (para.length) flush();
      list.push(li[1]);
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (list.length) flush();
    para.push(line.trim());
  }
  flush();
  return out.join("\n");
}
