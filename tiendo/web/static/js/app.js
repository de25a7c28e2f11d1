/* Site-wide behaviour, no inline scripts (CSP): the service worker for the static shell,
   confirmation prompts, and auto-submitting filter selects. */
(function () {
  "use strict";
  var sw = document.body.getAttribute("data-sw");
  if (sw && "serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register(sw, {scope: "/"}).catch(function () { /* optional */ });
  }
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form) {
      if (el.form.requestSubmit) { el.form.requestSubmit(); } else { el.form.submit(); }
    }
    if (el.matches && el.matches("input[data-output]")) {
      var out = document.getElementById(el.getAttribute("data-output"));
      if (out) { out.textContent = el.value + "%"; }
    }
  });
  document.addEventListener("input", function (e) {
    var el = e.target;
    if (el.matches && el.matches("input[data-output]")) {
      var out = document.getElementById(el.getAttribute("data-output"));
      if (out) { out.textContent = el.value + "%"; }
    }
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var msg = form.getAttribute && form.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);
})();
