/* Chancery pages: times in the browser's local time, notices when an htmx request fails,
   the counterparty picker of the new-document form, and confirmations before drastic steps. */
(function () {
  "use strict";

  var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
    { dateStyle: "medium", timeStyle: "short" });

  /* The server stores and sends UTC; only the browser knows the viewer's time zone. */
  function localiseTimes(root) {
    root.querySelectorAll("time[datetime]:not([data-local])").forEach(function (element) {
      var value = new Date(element.getAttribute("datetime"));
      if (isNaN(value.getTime())) return;
      element.title = element.textContent;
      element.textContent = format.format(value);
      element.setAttribute("data-local", "");
    });
  }

  var toastTimer;
  function toast(text) {
    var box = document.getElementById("toast");
    if (!box) return;
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.hidden = true; }, 8000);
  }

  function quiet(event) {
    return event.detail && event.detail.elt && event.detail.elt.hasAttribute("data-quiet");
  }

  document.addEventListener("DOMContentLoaded", function () { localiseTimes(document); });
  document.addEventListener("htmx:load", function (event) { localiseTimes(event.detail.elt); });
  document.addEventListener("htmx:responseError", function (event) {
    if (!quiet(event)) toast(document.body.dataset.errorText + " (" + event.detail.xhr.status + ")");
  });
  document.addEventListener("htmx:sendError", function (event) {
    if (!quiet(event)) toast(document.body.dataset.offlineText);
  });

  document.addEventListener("click", function (event) {
    var back = event.target.closest("[data-back]");
    if (back && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
      return;
    }
    var picker = event.target.closest("[data-picker]");
    if (!picker) return;
    var chosen = picker.querySelector(".chosen");
    var search = picker.querySelector("[data-counterparty-search]");
    var choice = event.target.closest("[data-choose-counterparty]");
    if (choice) {
      picker.querySelector("input[name=counterparty_id]").value = choice.dataset.chooseCounterparty;
      picker.querySelector(".chosen-name").textContent = choice.dataset.name;
      picker.querySelector(".choices-box").innerHTML = "";
      chosen.hidden = false;
      search.hidden = true;
    } else if (event.target.closest("[data-change-counterparty]")) {
      picker.querySelector("input[name=counterparty_id]").value = "";
      chosen.hidden = true;
      search.hidden = false;
      search.focus();
    }
  });

  /* An error shown next to a field goes away once the field is being corrected. */
  document.addEventListener("input", function (event) {
    var field = event.target.closest(".field.has-error");
    if (!field) return;
    field.classList.remove("has-error");
    event.target.removeAttribute("aria-invalid");
    field.querySelectorAll(".field-error").forEach(function (error) { error.hidden = true; });
  });

  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });
})();
