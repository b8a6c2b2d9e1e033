// A static page (dist/<lang>/…/index.html) carries the chart of its own address. A link to
// it with a query may ask for another view (?tab=levels, ?lang=en): that chart must not be
// painted, not for one frame, before the app draws the asked-for one. So this script, a
// classic one that blocks the parser and so runs before the first paint, marks such a
// page, and the style sheet hides the drawn chart (keeping its place) until the app
// replaces it.
if (location.search.length > 1) document.documentElement.classList.add('asked');
