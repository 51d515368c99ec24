/* Search worker for the Indonesian site search: Material's own worker, loaded on the first query.
 *
 * Material starts its search worker on every page and sends it the index at once. This worker, named in
 * the "search" entry of overrides/main.html's config block, answers Material's setup at once (the page
 * fetched only a stub index, masterplan/views/search_index.py), and only when the reader types the
 * first query loads the full index (search/search_index_id.js) and Material's worker into this worker,
 * builds Material's index with the Indonesian pipeline (lunr/min/lunr.id.min.js), then hands Material
 * every query rewritten for Indonesian:
 *   - every word is required ("wifi desa" never lists pages without "wifi");
 *   - a known word becomes its root (layanan -> layan, so pelayanan matches too);
 *   - an unknown word that starts a known one is searched as a prefix (the word being typed);
 *   - an unknown word that is a known one with Indonesian affixes is searched as its root;
 *   - any other word is replaced by the most frequent known word one letter away (kintamni -> kintamani).
 * Messages follow Material 9's search worker protocol (SearchMessageType: 0 setup, 1 ready, 2 query,
 * 3 result); why this way: CATATAN-TEKNIS.md C28, C33. Lives in workers/ so that Material's worker
 * finds its lunr/ folder from here, also in the offline copy, where iframe-worker runs workers as
 * scripts in an iframe. */
(function () {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

  /* URL of this script: also right under iframe-worker, where relative URLs follow the page */
  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href

  var toPage = self.postMessage.bind(self)
  var state = "idle"                   /* idle -> loading -> ready */
  var options = {}
  var pending = null                   /* latest query received before Material was ready */
  var forwarding = false

  /* Hand a message to Material's worker, which listens on this same global */
  function forward(message) {
    forwarding = true
    try {
      self.dispatchEvent(new MessageEvent("message", { data: message }))
    } finally {
      forwarding = false
    }
  }

  /* A page's relevance: all its matching sections together (Material ranks a page by its best
     section, so one heading that names the word outranks the chapter about it). A matched heading
     counts once a page: Material weighs a title a thousand times its text, without length
     normalisation (lunr b = 0), so "Pelayanan Publik" weighs as much as a programme's ten-word name
     that mentions "Layanan", and three such names would outweigh a chapter's heading and all its
     text. Every further matched heading counts as text (its score divided by the title's boost). */
  var titleBoost = 1
  function pageScore(group) {
    var headed = false
    return group.slice()
      .sort(function (a, b) { return b.score - a.score })
      .reduce(function (sum, item) {
        var heading = item.title.indexOf("<mark") >= 0
        var score = heading && headed ? item.score / titleBoost : item.score
        headed = headed || heading
        return sum + score
      }, 0)
  }

  /* Scale a page's scores so that the page link carries the page's relevance: Material opens, on
     Enter, the page link with the highest score, which must be the first page shown. Sections keep
     their order and which of them Material shows at once. */
  function withPageScore(group) {
    var total = pageScore(group)
    var best = Math.max.apply(null, group.map(function (item) { return item.score }))
    group.forEach(function (item) {
      item.score = best > 0 ? item.score * total / best : item.score
      if (item.location.indexOf("#") < 0)
        item.score = Math.max(item.score, total)
    })
  }

  /* Every word of the site by its root, longest first: pelayanan, melayani, layanan, layan */
  var forms = null
  function formsOf(root) {
    if (forms === null) {
      forms = new Map()
      lunr.id.vocabulary.forEach(function (n, word) {
        var key = lunr.id.root(word)
        forms.set(key, (forms.get(key) || []).concat(word))
      })
      forms.forEach(function (list) { list.sort(function (a, b) { return b.length - a.length }) })
    }
    return (forms.get(root) || [root]).slice(0, 12)
  }

  /* Material marks the matches on the opened page with the query terms (?h=); with the root alone it
     would mark "layan" inside "pelayanan", so hand it every form of the word found on the site */
  function withForms(item) {
    var terms = {}
    Object.keys(item.terms).forEach(function (term) {
      terms[formsOf(term).join(" ")] = item.terms[term]
    })
    item.terms = terms
  }

  /* When only sections of a page matched, Material adds the page itself without terms, and its title
     would open the top of the page with nothing marked: give it the terms its sections matched */
  function withSectionTerms(group) {
    var page = group.find(function (item) { return item.location.indexOf("#") < 0 })
    if (!page || Object.keys(page.terms).length)
      return
    group.forEach(function (item) {
      Object.keys(item.terms).forEach(function (term) {
        if (item.terms[term])
          page.terms[term] = true
      })
    })
  }

  /* A section's text lists each table row ("Program: …; Biaya: …", masterplan/views/search_index.py);
     a snippet keeps only the list items with a match, not the whole table */
  function matchedItemsOnly(item) {
    item.text = item.text
      .replace(/<li>(?:(?!<\/li>)[\s\S])*<\/li>/g, function (li) {
        return li.indexOf("<mark") < 0 ? "" : li
      })
      .replace(/<ul>\s*<\/ul>/g, "")
  }

  /* Material's replies go to the page, except its "ready" (the page had ours long ago): that one
     starts the query the reader is waiting for */
  self.postMessage = function (message) {
    if (message && message.type === RESULT) {
      message.data.items.sort(function (a, b) { return pageScore(b) - pageScore(a) })
      message.data.items.forEach(withPageScore)
      message.data.items.forEach(function (group) {
        withSectionTerms(group)
        group.forEach(withForms)
        group.forEach(matchedItemsOnly)
      })
      toPage(message)
    } else if (message && message.type === READY) {
      state = "ready"
      if (pending !== null)
        forward({ type: QUERY, data: rewrite(pending) })
      pending = null
    } else {
      toPage(message)
    }
  }

  /* What the reader waits for, told to the page (overrides/partials/search-id.html), which writes it
     where Material writes the number of results: Material's protocol has no message for it. No channel
     in the offline copy, where the page has no origin: the page then says nothing while loading. */
  var status = typeof BroadcastChannel === "function" && self.location.protocol !== "file:"
    ? new BroadcastChannel("pencarian-id")
    : null
  function tell(what) {
    if (status)
      status.postMessage(what)
  }

  /* In a worker importScripts blocks until the index has arrived (a slow line: seconds), so the page is
     told first. In the offline copy iframe-worker's importScripts returns a promise instead and the
     scripts run later: chaining on its result serves both. A failed download (importScripts throws,
     turned into a rejection here) leaves the worker idle, and the next query tries again. */
  function load() {
    state = "loading"
    tell("memuat")
    Promise.resolve()
      .then(function () {
        return importScripts(new URL("../../../search/search_index_id.js", here).href)
      })
      .then(function () {
        return importScripts(new URL(self.searchIndexId.worker, here).href)
      })
      .then(function () {
        var full = self.searchIndexId
        titleBoost = full.config.fields.title.boost
        forward({ type: SETUP, data: { config: full.config, docs: full.docs, options: options } })
      }, function () {
        state = "idle"
        pending = null
        tell("gagal")
      })
  }

  function oneEditApart(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b)
      return false
    var i = 0, j = 0, edits = 0
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        i++; j++
        continue
      }
      if (++edits > 1)
        return false
      if (a.length > b.length) i++
      else if (a.length < b.length) j++
      else { i++; j++ }
    }
    return edits + (a.length - i) + (b.length - j) <= 1
  }

  function startsKnownWord(word) {
    for (var known of lunr.id.vocabulary.keys())
      if (known.startsWith(word))
        return true
    return false
  }

  /* Indonesian affixes, tried on a whole word the site does not use ("mengadukan", "berwisata"): when
     taking them off leaves a word of the site (adu, wisata), the query searches its root. The build
     stems the site's own words (PySastrawi); a reader's form the text never uses had no root, and fell
     to the one-letter typo rule instead ("mengadu" became "mengacu", pages on references). A nasal
     prefix gives back the letter it replaced (menulis -> tulis, memakai -> pakai, mengirim -> kirim,
     menyapu -> sapu). */
  var PREFIXES = [["meng", ""], ["meng", "k"], ["meny", "s"], ["mem", ""], ["mem", "p"], ["men", ""],
    ["men", "t"], ["me", ""], ["peng", ""], ["peng", "k"], ["peny", "s"], ["pem", ""], ["pem", "p"],
    ["pen", ""], ["pen", "t"], ["per", ""], ["pe", ""], ["ber", ""], ["be", ""], ["ter", ""], ["di", ""],
    ["ke", ""], ["se", ""], ["", ""]]
  var SUFFIXES = ["kan", "an", "i", "nya", ""]
  function knownRoot(word) {
    var vocabulary = lunr.id.vocabulary
    for (var suffix of SUFFIXES) {
      if (!word.endsWith(suffix))
        continue
      var stem = word.slice(0, word.length - suffix.length)
      for (var [prefix, letter] of PREFIXES) {
        var root = stem.startsWith(prefix) ? letter + stem.slice(prefix.length) : ""
        if (root.length >= 3 && root !== word && vocabulary.has(root))
          return lunr.id.root(root)
      }
    }
    return null
  }

  /* One query word as a required lunr term that Material passes on unchanged */
  function term(word) {
    var vocabulary = lunr.id.vocabulary
    if (vocabulary.has(word))
      return "+" + lunr.id.root(word)
    if (startsKnownWord(word))
      return "+" + word + "*"
    var root = knownRoot(word)
    if (root)
      return "+" + root
    var best = word, count = 0
    if (word.length >= 4)
      vocabulary.forEach(function (n, known) {
        if (n > count && oneEditApart(word, known)) {
          best = known
          count = n
        }
      })
    return "+" + lunr.id.root(best)
  }

  function rewrite(query) {
    return query.toLowerCase()
      .split(/[\s\-"+*~^:]+/)
      .map(function (word) {
        return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
      })
      .filter(function (word) {
        return word && !lunr.id.stopWords.has(word)
      })
      .map(term)
      .join(" ")
  }

  addEventListener("message", function (ev) {
    if (forwarding)
      return
    ev.stopImmediatePropagation()
    var message = ev.data
    if (message.type === SETUP) {
      options = message.data.options || {}
      toPage({ type: READY })
    } else if (message.type === QUERY) {
      /* Material asks with an empty query as soon as it is ready: no reason to load anything yet */
      if (!message.data.trim()) {
        toPage({ type: RESULT, data: { items: [] } })
      } else if (state === "ready") {
        forward({ type: QUERY, data: rewrite(message.data) })
      } else {
        pending = message.data
        if (state === "idle")
          load()
      }
    }
  })
})()
