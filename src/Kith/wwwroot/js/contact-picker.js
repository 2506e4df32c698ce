// Contact pickers: suggestions from the server as the user types (never the whole address book).
// Without JavaScript the typed name is posted and the server resolves it or asks to choose.
(function () {
  "use strict";

  function setUp(picker) {
    var query = picker.querySelector("[data-picker-query]");
    var hiddenId = picker.querySelector("[data-picker-id]");
    var list = picker.querySelector("[data-picker-suggestions]");
    var url = picker.getAttribute("data-picker-url");
    var timer = null;
    var latest = 0;

    function clear() {
      list.replaceChildren();
      list.hidden = true;
    }

    function show(suggestions) {
      clear();
      suggestions.forEach(function (s) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.textContent = s.name; // textContent: names are data, never markup
        button.addEventListener("click", function () {
          query.value = s.name;
          hiddenId.value = s.id;
          clear();
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = suggestions.length === 0;
    }

    query.addEventListener("input", function () {
      hiddenId.value = "";
      clearTimeout(timer);
      var text = query.value.trim();
      if (text.length === 0) { clear(); return; }
      timer = setTimeout(function () {
        var ticket = ++latest;
        fetch(url + "?q=" + encodeURIComponent(text), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (suggestions) { if (ticket === latest) show(suggestions); })
          .catch(clear);
      }, 150);
    });
  }

  document.querySelectorAll("[data-contact-picker]").forEach(setUp);
})();
