/* Chancery pages: times in the browser's local time, notices when an htmx request fails,
   the counterparty picker of the new-document form, confirmations before drastic steps, and
   an Idempotency-Key for every form that changes something (a double click or a resent form
   makes one record).
   The pages carry no inline script, handler or style (Content-Security-Policy): what they
   need is here, hooked to data- attributes. */
(function () {
  "use strict";

  var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
    { dateStyle: "medium", timeStyle: "short" });
  var dayFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "medium" });

  /* A deadline at local midnight ends the day before: "end of 5 Dec", not "6 Dec, 12:00 AM". */
  function localText(element, value) {
    var endOfDay = element.getAttribute("data-end-of-day");
    if (endOfDay && value.getHours() === 0 && value.getMinutes() === 0) {
      return endOfDay.replace("{day}", dayFormat.format(new Date(value.getTime() - 60000)));
    }
    return format.format(value);
  }

  /* The server stores and sends UTC; only the browser knows the viewer's time zone. */
  function localiseTimes(root) {
    root.querySelectorAll("time[datetime]:not([data-local])").forEach(function (element) {
      var value = new Date(element.getAttribute("datetime"));
      if (isNaN(value.getTime())) return;
      element.title = element.textContent;
      element.textContent = localText(element, value);
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

  /* One key per rendered form, in a hidden field (sent by a plain submission) and, for htmx,
     in the Idempotency-Key header. The gateway answers a repeat of the same form with the
     first one's result; once a submission succeeded, the form that stays on the page gets a
     new key, so sending it again (changed or not) is a new request. */
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  var UNSAFE_FORMS = "form[method=post], form[method=POST], form[hx-post], form[hx-put], form[hx-patch], form[hx-delete]";
  function keyForms(root) {
    var forms = Array.prototype.slice.call(root.querySelectorAll(UNSAFE_FORMS));
    if (root.matches && root.matches(UNSAFE_FORMS)) forms.push(root);
    forms.forEach(function (form) {
      if (form.querySelector("input[name=idempotency_key]")) return;
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "idempotency_key";
      field.value = newKey();
      form.appendChild(field);
    });
  }
  /* The key field of a form submitted by htmx (other elements' requests carry none). */
  function keyOf(element) {
    return element.tagName === "FORM" ? element.querySelector("input[name=idempotency_key]") : null;
  }
  document.addEventListener("htmx:configRequest", function (event) {
    var field = keyOf(event.detail.elt);
    if (field && event.detail.verb !== "get") event.detail.headers["Idempotency-Key"] = field.value;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var field = keyOf(event.detail.elt);
    if (field && event.detail.successful) field.value = newKey();
  });


  /* A form's hidden offset field gets the browser's UTC offset, e.g. +03:00. */
  function fillOffsets(root) {
    root.querySelectorAll("[data-local-offset]").forEach(function (input) {
      var minutes = -new Date().getTimezoneOffset(), sign = minutes < 0 ? "-" : "+";
      minutes = Math.abs(minutes);
      input.value = sign + String(Math.floor(minutes / 60)).padStart(2, "0") + ":" +
        String(minutes % 60).padStart(2, "0");
    });
  }

  /* Meters: the filled share comes as data-share (a percentage). */
  function fillMeters(root) {
    root.querySelectorAll("[data-share]").forEach(function (bar) {
      bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.share) || 0)) + "%";
    });
  }

  function prepare(root) {
    localiseTimes(root);
    fillOffsets(root);
    fillMeters(root);
    keyForms(root);
  }

  document.addEventListener("DOMContentLoaded", function () { prepare(document); });
  document.addEventListener("htmx:load", function (event) { prepare(event.detail.elt); });

  /* A select marked data-autosubmit sends its form when changed. */
  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-autosubmit]") && event.target.form) event.target.form.submit();
  });
  document.addEventListener("htmx:responseError", function (event) {
    if (!quiet(event)) toast(document.body.dataset.errorText + " (" + event.detail.xhr.status + ")");
  });
  document.addEventListener("htmx:sendError", function (event) {
    if (!quiet(event)) toast(document.body.dataset.offlineText);
  });

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {  /* copy a secret shown once: select it, put it on the clipboard */
      var field = document.getElementById(copy.dataset.copy);
      field.select();
      if (navigator.clipboard) navigator.clipboard.writeText(field.value);
      copy.textContent = copy.dataset.done;
      return;
    }
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

  /* The top bar's menu on narrow screens: its button says whether it is open (aria-expanded,
     which app.css follows); Escape closes it and gives the focus back to the button. */
  function setMenu(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-menu-toggle]");
    if (toggle) {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      setMenu(toggle, open);
      var first = open && document.getElementById(toggle.getAttribute("aria-controls")).querySelector("a, button");
      if (first && event.detail === 0) first.focus();  /* opened from the keyboard: into the menu */
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("[data-menu-toggle][aria-expanded=true]").forEach(function (toggle) {
      var menu = document.getElementById(toggle.getAttribute("aria-controls"));
      setMenu(toggle, false);
      if (menu && menu.contains(document.activeElement)) toggle.focus();
    });
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
