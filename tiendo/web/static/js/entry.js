/* Figure entry: find a card among many as you type (accents optional), by field, or only
   what is still to do. Filtering hides cards; nothing is sent to the server. */
(function () {
  "use strict";
  var search = document.getElementById("entry-search");
  if (!search) { return; }
  var field = document.getElementById("entry-field");
  var todo = document.getElementById("entry-todo");
  var count = document.getElementById("entry-count");
  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().trim();
  }
  function apply() {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    var f = field ? field.value : "";
    var shown = 0;
    document.querySelectorAll(".entry-row").forEach(function (card) {
      var name = card.querySelector("a");
      var text = fold(name ? name.textContent : card.textContent);
      var ok = words.every(function (w) { return text.indexOf(w) !== -1; })
        && (!f || card.getAttribute("data-field") === f)
        && (!todo || !todo.checked || card.getAttribute("data-todo") === "1");
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) {
      count.textContent = shown + " / " + count.getAttribute("data-total");
    }
  }
  search.addEventListener("input", apply);
  if (field) { field.addEventListener("change", apply); }
  if (todo) { todo.addEventListener("change", apply); }
  // A saved card comes back from the server: keep the filter on it.
  document.body.addEventListener("htmx:afterSwap", apply);
})();
