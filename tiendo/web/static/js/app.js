/* Site-wide behaviour, no inline scripts (CSP): the service worker for the static shell,
   confirmation prompts, auto-submitting filter selects, and the message of an htmx request
   that failed (htmx does not swap 4xx/5xx answers other than 422). */
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
  // A table wider than the screen scrolls sideways: let the keyboard reach it too.
  function focusableScroll(root) {
    (root || document).querySelectorAll(".table-responsive").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
      }
    });
  }
  // The menu marks the page the user is on.
  function markCurrent() {
    var here = window.location.pathname;
    document.querySelectorAll("#main-menu a.nav-link, #main-menu a.dropdown-item").forEach(function (a) {
      var href = a.getAttribute("href") || "";
      if (!href || href.charAt(0) === "#") { return; }
      var path = new URL(href, window.location.href).pathname;
      if (path === here || (path !== "/" && here.indexOf(path) === 0)) {
        a.classList.add("active");
        a.setAttribute("aria-current", "page");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { focusableScroll(); markCurrent(); });
  if (document.readyState !== "loading") { focusableScroll(); markCurrent(); }
  document.body.addEventListener("htmx:afterSettle", function (e) { focusableScroll(e.target); });
  window.addEventListener("resize", function () { focusableScroll(); });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var msg = form.getAttribute && form.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);
  // htmx:responseError: show the answer's message (its [role=alert], else its heading or
  // text) in one alert at the top of the page, announced to screen readers.
  function errorText(xhr) {
    var fallback = (document.documentElement.lang === "en" ? "The request failed (" :
      "Yêu cầu không thực hiện được (mã ") + xhr.status + ").";
    var body = xhr.responseText || "";
    var type = (xhr.getResponseHeader && xhr.getResponseHeader("Content-Type")) || "";
    if (type.indexOf("json") >= 0) {
      try { return JSON.parse(body).detail || fallback; } catch (err) { return fallback; }
    }
    var doc = new DOMParser().parseFromString(body, "text/html");
    var el = doc.querySelector("[role=alert]") || doc.querySelector("main h1, h1") || doc.body;
    var text = el ? el.textContent.replace(/\s+/g, " ").trim() : "";
    return text ? text.slice(0, 500) : fallback;
  }
  function errorBox() {
    var box = document.getElementById("htmx-error");
    if (!box) {
      box = document.createElement("div");
      box.id = "htmx-error";
      box.className = "alert alert-danger htmx-error";
      box.setAttribute("role", "alert");
      var main = document.querySelector("main") || document.body;
      main.insertBefore(box, main.firstChild);
    }
    return box;
  }
  document.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail && e.detail.xhr;
    if (!xhr) { return; }
    var box = errorBox();
    box.textContent = errorText(xhr);
    box.scrollIntoView({block: "nearest"});
  });
  document.addEventListener("htmx:beforeRequest", function () {
    var box = document.getElementById("htmx-error");
    if (box) { box.remove(); }
  });
  document.addEventListener("htmx:sendError", function () {
    var box = errorBox();
    box.textContent = document.documentElement.lang === "en" ?
      "The server could not be reached; try again." :
      "Không kết nối được máy chủ; hãy thử lại.";
  });
})();
