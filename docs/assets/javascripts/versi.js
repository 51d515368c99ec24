/* The banner on a stage older than the newest (overrides/main.html, block "outdated"): names the
   reader's stage and the newest one, links to the same page in the newest stage when it exists there
   (else to its home page), and to "Apa yang berubah" since the reader's stage. The versions come from
   mike's versions.json beside the version folders; without it (a plain build, the offline copy) nothing
   changes and the template's text stands. Folder names must match scripts/masterplan/stages.py
   (LATEST_ALIAS, DRAFT_VERSION) and change_report.since_anchor. */
(function () {
  "use strict";
  var LATEST = "terbaru", DRAFT = "draf", CHANGES = "panduan/apa-yang-berubah/";
  var banner = document.querySelector("[data-versi-banner]");
  var settings = document.getElementById("__config");
  if (!banner || !settings || location.protocol === "file:") return;
  var base = new URL(JSON.parse(settings.textContent).base.replace(/\/?$/, "/"), location);
  var folder = base.pathname.replace(/\/$/, "").split("/").pop();

  function has(version, name) {
    return version.version === name || version.aliases.indexOf(name) >= 0;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function strong(text) {
    var b = document.createElement("strong");
    b.textContent = text;
    return b;
  }

  function render(current, newest, same, exists) {
    var newBase = new URL("../" + LATEST + "/", base);
    var text = document.createElement("span");
    text.append("Anda membaca ", strong(current.title), ", versi tahap sebelumnya. Versi terbaru: ",
                strong(newest.title), ". ");
    var links = document.createElement("span");
    links.className = "banner-versi__tautan";
    links.append(
      exists ? link(same.href, "Buka halaman ini di " + newest.title)
             : link(newBase.href, "Buka " + newest.title + " (halaman ini tidak ada di sana)"),
      link(new URL(CHANGES + "#sejak-" + current.version, newBase).href,
           "Apa yang berubah sejak " + current.title));
    banner.replaceChildren(text, links);
    var box = banner.closest("[data-md-component=outdated]");
    if (box) box.hidden = false;
  }

  fetch(new URL("../versions.json", base))
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (versions) {
      var current = versions.filter(function (v) { return has(v, folder); })[0];
      var newest = versions.filter(function (v) { return has(v, LATEST); })[0];
      if (!current || !newest || current === newest || current.version === DRAFT) return;
      var same = new URL(location.pathname.slice(base.pathname.length) + location.hash,
                         new URL("../" + LATEST + "/", base));
      return fetch(same.href.split("#")[0], {method: "HEAD"})
        .then(function (response) { return response.ok; }, function () { return false; })
        .then(function (exists) { render(current, newest, same, exists); });
    })
    .catch(function () { /* no versions.json: keep the template's text */ });
})();
