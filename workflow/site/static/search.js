// Search of the public record in the browser: loads search-index.json (built with the
// site, public text only) and lists the items whose text holds every word of the query,
// or the exact phrase when it is in quotation marks. The page works without it.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var box = document.getElementById("q");
  var out = document.getElementById("results");
  if (!form || !box || !out) { return; }
  var index = null;

  function terms(query) {
    var phrases = [];
    var rest = query.replace(/"([^"]+)"/g, function (_, p) { phrases.push(p); return " "; });
    return phrases.concat(rest.split(/\s+/)).map(function (t) { return t.trim().toLowerCase(); })
      .filter(function (t) { return t.length > 0; });
  }

  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    var start = Math.max(0, at - 80);
    return (start > 0 ? "… " : "") + text.slice(start, at + term.length + 120) + " …";
  }

  function show(query) {
    out.textContent = "";
    var wanted = terms(query);
    if (!wanted.length) { return; }
    var found = index.documents.filter(function (doc) {
      var hay = (doc[1] + " " + doc[3]).toLowerCase();
      return wanted.every(function (t) { return hay.indexOf(t) !== -1; });
    });
    var heading = document.createElement("h2");
    heading.textContent = found.length === 0 ? "No results for " + query :
      (found.length === 1 ? "1 result" : found.length + " results") + " for " + query;
    out.appendChild(heading);
    var list = document.createElement("ol");
    found.slice(0, 100).forEach(function (doc) {
      var item = document.createElement("li");
      item.className = "result";
      var link = document.createElement("a");
      link.href = doc[0];
      link.textContent = doc[1];
      var where = document.createElement("p");
      where.className = "where";
      where.textContent = doc[2];
      var text = document.createElement("p");
      text.className = "snippet";
      text.textContent = snippet(doc[3], wanted[0]);
      item.appendChild(link);
      item.appendChild(where);
      item.appendChild(text);
      list.appendChild(item);
    });
    if (found.length) { out.appendChild(list); }
  }

  function run(query) {
    if (index) { show(query); return; }
    out.textContent = "Searching…";
    fetch("search-index.json").then(function (r) { return r.json(); }).then(function (data) {
      index = data;
      show(query);
    }).catch(function () {
      out.textContent = "The search index could not be loaded.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = box.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    run(query);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { box.value = initial; run(initial); }
}());
