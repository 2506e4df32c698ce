// Contact list search: results as you type, from the server's search index (never the whole address book).
// Without JavaScript the form is a plain GET to the search page. Names are set with textContent: data, never markup.
(function () {
  "use strict";

  document.querySelectorAll("form[data-contact-search]").forEach(function (form) {
    var url = form.getAttribute("data-contact-search");
    var input = form.querySelector("input[name=q]");
    var results = form.querySelector(".contact-search-results");
    var timer = null;
    var latest = 0;

    function clear() {
      results.replaceChildren();
      results.hidden = true;
    }

    function show(hits) {
      clear();
      hits.forEach(function (hit) {
        var item = document.createElement("li");
        item.className = "contact-row";
        var avatar = document.createElement("span");
        avatar.className = "avatar";
        avatar.setAttribute("aria-hidden", "true");
        avatar.textContent = hit.initials;
        var link = document.createElement("a");
        link.href = hit.url;
        link.textContent = hit.name;
        item.append(avatar, link);
        if (hit.archived) {
          var note = document.createElement("span");
          note.className = "muted";
          note.textContent = " Archived";
          item.appendChild(note);
        }
        results.appendChild(item);
      });
      if (hits.length === 0) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = "No contact matches.";
        results.appendChild(none);
      }
      results.hidden = false;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length === 0) { latest++; clear(); return; }
      timer = setTimeout(function () {
        var ticket = ++latest;
        fetch(url + "&q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (hits) { if (ticket === latest) show(hits); })
          .catch(clear);
      }, 150);
    });
  });
})();
