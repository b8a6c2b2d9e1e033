// A crawl of a built site: from its entry points (the home page and every static page; they
// do not link each other, each is where a shared link lands), every page and asset their
// HTML names (href, src, srcset, and meta content that is a URL of the site), fetched once
// by path, following redirects. Absolute URLs on the site's published origin (canonical,
// og:url, og:image) are fetched from the served copy. Returns what was fetched and what
// did not answer 200.
export async function crawl(request, base, entries) {
  const origin = new URL(base).origin;
  const seen = new Set();
  const queue = ['/', ...entries].map((p) => new URL(p, base).href);
  for (const u of queue) seen.add(u);
  let published = null;
  const broken = [];
  let pages = 0;
  while (queue.length) {
    const url = queue.shift();
    const res = await request.get(url);
    if (res.status() !== 200) {
      broken.push(`${url} ${res.status()} (linked from ${from.get(url) ?? 'the start'})`);
      continue;
    }
    if (!(res.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    pages++;
    const html = await res.text();
    published ??= html.match(/<link rel="canonical" href="([^"]+)"/)?.[1] && new URL(html.match(/<link rel="canonical" href="([^"]+)"/)[1]).origin;
    const refs = [...html.matchAll(/\s(?:href|src|content)="([^"]+)"/g)].map((m) => m[1])
      .concat([...html.matchAll(/\ssrcset="([^"]+)"/g)].flatMap((m) => m[1].split(',').map((s) => s.trim().split(/\s+/)[0])));
    for (const ref of refs) {
      if (/^(data|blob|mailto|javascript):/.test(ref) || ref.startsWith('#')) continue;
      // meta content is a URL only when it looks like one.
      if (!/^(https?:|\/|\.|[\w-]+\/|[\w-]+\.\w+$)/.test(ref)) continue;
      let target;
      try { target = new URL(ref.replace(/&amp;/g, '&'), url); } catch { continue; }
      if (published && target.origin === published) target = new URL(target.pathname, base);
      if (target.origin !== origin) continue;
      target.search = '';
      target.hash = '';
      if (!seen.has(target.href)) {
        seen.add(target.href);
        from.set(target.href, url);
        queue.push(target.href);
      }
    }
  }
  return { fetched: seen.size, pages, broken };
}

const from = new Map();
