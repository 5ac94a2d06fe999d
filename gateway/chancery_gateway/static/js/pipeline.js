/* The pipeline board: a card goes to another stage by a note. Dragging it to another column
   (plain HTML5 drag events) or sending its "Move to" form (Tab, choose, Enter) opens the
   note form in a dialog, the new stage chosen; without script the form opens as a page.
   The page carries no inline script (Content-Security-Policy): everything is hooked here. */
(function () {
  "use strict";

  var dragged = null;

  function dialog() { return document.getElementById("note-dialog"); }

  /* The note form of a card's move form, fetched by htmx into the dialog (app.js then keys it). */
  function openNote(form) {
    var box = dialog();
    if (!box || !window.htmx || typeof box.showModal !== "function") {
      form.submit();
      return;
    }
    var query = new URLSearchParams(new FormData(form)).toString();
    window.htmx.ajax("GET", form.action + "?" + query, { target: "#note-dialog-body", swap: "innerHTML" });
  }

  /* Each card's list shows its own stage again (after a drop or a choice that was not saved). */
  function resetMoves() {
    document.querySelectorAll(".deal-card").forEach(function (card) {
      var select = card.querySelector("[data-move-form] select[name=stage_id]");
      if (select) select.value = card.dataset.stageId;
    });
  }

  /* After the settle, not the swap: htmx focuses the form's [autofocus] field while it settles
     (20 ms later, more on a busy machine), which would take the focus back from a field the
     person has already tabbed to. */
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = (event.detail && event.detail.target) || event.target;
    if (!target || target.id !== "note-dialog-body") return;
    var box = dialog();
    if (!box.open) box.showModal();
    var text = box.querySelector("textarea[name=text]");
    if (text) text.focus();
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-move-form]");
    if (!form) return;
    event.preventDefault();
    openNote(form);
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-close-dialog]")) return;
    var box = dialog();
    if (box && box.open) box.close();
  });

  document.addEventListener("DOMContentLoaded", function () {
    var box = dialog();
    if (box) box.addEventListener("close", resetMoves);
  });

  /* dragging: a card over another, live column; dropped there, the note form opens */
  function columnOf(event) {
    var column = event.target.closest && event.target.closest(".board-column");
    return column && !column.hasAttribute("data-archived") ? column : null;
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".deal-card");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.counterpartyId);
    card.classList.add("is-dragging");
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("is-dragging");
    dragged = null;
    document.querySelectorAll(".board-column.is-over").forEach(function (c) { c.classList.remove("is-over"); });
  });

  document.addEventListener("dragover", function (event) {
    var column = columnOf(event);
    if (!dragged || !column) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = column.dataset.stageId === dragged.dataset.stageId ? "none" : "move";
    document.querySelectorAll(".board-column.is-over").forEach(function (c) {
      if (c !== column) c.classList.remove("is-over");
    });
    if (column.dataset.stageId !== dragged.dataset.stageId) column.classList.add("is-over");
  });

  document.addEventListener("drop", function (event) {
    var column = columnOf(event);
    if (!dragged || !column) return;
    event.preventDefault();
    column.classList.remove("is-over");
    var card = dragged;
    if (column.dataset.stageId === card.dataset.stageId) return;
    var form = card.querySelector("[data-move-form]");
    var select = form && form.querySelector("select[name=stage_id]");
    if (!select || !select.querySelector('option[value="' + column.dataset.stageId + '"]')) return;
    select.value = column.dataset.stageId;
    openNote(form);
  });
})();
