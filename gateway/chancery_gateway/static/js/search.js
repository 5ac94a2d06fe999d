/* The global search box in the top bar: "/" or Ctrl+K focuses it, results appear as you
   type (htmx), arrow keys move through them, Enter opens one, Escape closes the list. */
(function () {
  "use strict";

  function box() { return document.getElementById("global-search-box"); }
  function input() { return document.getElementById("global-search-q"); }
  function options() { var b = box(); return b ? Array.prototype.slice.call(b.querySelectorAll("[role=option]")) : []; }

  function show(open) {
    var b = box(), i = input();
    if (!b || !i) return;
    b.hidden = !open;
    i.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    var i = input();
    if (!i) return;
    var shortcut = (event.key === "k" && (event.ctrlKey || event.metaKey)) ||
      (event.key === "/" && !typing(event.target));
    if (shortcut) {
      event.preventDefault();
      i.focus();
      i.select();
      return;
    }
    var inSearch = event.target === i || (box() && box().contains(event.target));
    if (!inSearch) return;
    var list = options(), at = list.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!list.length) return;
      event.preventDefault();
      show(true);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) { i.focus(); return; }
      list[Math.min(next, list.length - 1)].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();  /* closes the list; a search field would also clear its text */
      show(false);
      i.focus();
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "global-search-box") {
      show(input() && input().value.trim().length > 0);
    }
  });

  document.addEventListener("click", function (event) {
    var form = event.target.closest && event.target.closest("[data-global-search]");
    if (!form) show(false);
  });

  document.addEventListener("focusin", function (event) {
    if (event.target === input() && box() && box().innerHTML.trim() && input().value.trim()) show(true);
  });
})();
